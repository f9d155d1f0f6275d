/*
 * What every page and component shares: the base class (light DOM, so the one style sheet and the
 * accessibility tree see everything), per-module style sheets, and small formatting helpers. Lit
 * renders every interpolated value as text; nothing here builds markup from strings.
 */
import { LitElement, html, nothing } from 'lit';

export { html, nothing };

export class View extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** Adds a module's own style sheet once (`stylesheet(import.meta.url)` loads the `.css` beside it). */
export function stylesheet(moduleUrl) {
  const href = new URL(moduleUrl.replace(/\.js$/, '.css'), location.href).href;
  if (!document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "3 Dec" before. */
export function shortTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? timeFormat.format(d) : dateFormat.format(d);
}

export function fullTime(iso) {
  return iso ? fullFormat.format(new Date(iso)) : '';
}

/** A `<time>` element showing the short form, the full date and time on hover. */
export function time(iso) {
  return iso ? html`<time datetime=${iso} title=${fullTime(iso)}>${shortTime(iso)}</time>` : nothing;
}

export function money(amount, currency = 'USD') {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
}

/** The message of an ApiError for a field, shown under its input and linked by aria-describedby. */
export function fieldError(error, field, id) {
  const message = error && error.field && error.field(field);
  return message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing;
}

/** A form-level error (role alert), for errors not tied to one field. */
export function formError(error) {
  return error ? html`<p class="form-error" role="alert">${error.message}</p>` : nothing;
}

/** Copies text to the clipboard; resolves true when it could. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Navigates to a route of the dashboard (`go('/inbox/open')`). */
export function go(path) {
  location.hash = `#${path}`;
}
