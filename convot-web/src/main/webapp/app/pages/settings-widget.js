import { View, html, nothing, stylesheet } from '../view.js';
import { live } from 'lit/directives/live.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';
import { loadApps, chosenApp, appPicker } from './settings-app-picker.js';

stylesheet(import.meta.url);

const DEFAULT_THEME = '#2563eb';
const FONTS = [['system', 'System (the device\'s own)'], ['helvetica', 'Helvetica / Arial'], ['georgia', 'Georgia'],
  ['verdana', 'Verdana'], ['trebuchet', 'Trebuchet'], ['monospace', 'Monospace']];
const FONT_STACKS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', helvetica: '"Helvetica Neue", Helvetica, Arial, sans-serif',
  georgia: 'Georgia, "Times New Roman", serif', verdana: 'Verdana, Geneva, sans-serif', trebuchet: '"Trebuchet MS", Tahoma, sans-serif',
  monospace: 'ui-monospace, Menlo, Consolas, monospace',
};
const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pt-BR', 'ja', 'zh'];
const HEX = /^#[0-9a-f]{6}$/i;

/** WCAG 2.x contrast ratio of two hex colors (the server checks the same rule: 4.5:1 at least). */
export function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Black or white, whichever the widget picks on `color` when no text color is set. */
const autoText = (color) => (contrast(color, '#1f2328') > contrast(color, '#ffffff') ? '#1f2328' : '#ffffff');

/**
 * Settings → Widget (`#/settings/widget/:app?`): how one app's widget looks and behaves, beside a
 * live preview of the launcher and the panel as the visitor will see them. The preview's colors,
 * side, font and corners are a constructed style sheet (the dashboard's policy allows no inline
 * style), built only from values checked here: hex colors, whole numbers, fonts from the list.
 */
class SettingsWidget extends View {
  static properties = {
    params: { attribute: false },
    apps: { state: true },
    draft: { state: true },
    locale: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  constructor() {
    super();
    this.preview = new CSSStyleSheet();
  }

  connectedCallback() {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== this.preview), this.preview];
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.preview);
  }

  async load() {
    try {
      this.apps = await loadApps();
    } catch (err) {
      this.loadError = err;
    }
  }

  get app() {
    return this.apps ? chosenApp(this.apps, this.params, 'widget') : null;
  }

  willUpdate() {
    const app = this.app;
    if (app && (!this.draft || this.draft.appId !== app.id)) this.reset(app);
    if (this.draft) this.paintPreview();
  }

  reset(app) {
    this.draft = { appId: app.id, theme_color: app.theme_color || DEFAULT_THEME, ...structuredClone(app.widget) };
    this.locale = app.widget.default_locale;
    this.error = null;
  }

  set(changes) {
    this.draft = { ...this.draft, ...changes };
  }

  setText(key, value) {
    const texts = { ...this.draft[key] };
    if (value.trim()) texts[this.locale] = value;
    else delete texts[this.locale];
    this.set({ [key]: texts });
  }

  textColor() {
    const d = this.draft;
    return d.theme_text_color || autoText(HEX.test(d.theme_color) ? d.theme_color : DEFAULT_THEME);
  }

  paintPreview() {
    const d = this.draft;
    const color = (c, fallback) => (HEX.test(c || '') ? c : fallback);
    const theme = color(d.theme_color, DEFAULT_THEME);
    const launcher = color(d.launcher_color, theme);
    const int = (n, max) => Math.max(0, Math.min(max, Number.isInteger(n) ? n : 16));
    this.preview.replaceSync(`.widget-preview {
      --pv-theme: ${theme}; --pv-on-theme: ${color(d.theme_text_color, autoText(theme))};
      --pv-launcher: ${launcher}; --pv-on-launcher: ${autoText(launcher)};
      --pv-radius: ${int(d.corner_radius, 32)}px; --pv-x: ${int(d.offset_x, 160) / 2}px; --pv-y: ${int(d.offset_y, 160) / 2}px;
      --pv-font: ${FONT_STACKS[d.font] || FONT_STACKS.system};
    }`);
  }

  async save(e) {
    e.preventDefault();
    const { appId, theme_color: themeColor, ...widget } = this.draft;
    this.busy = true;
    this.error = null;
    this.status = '';
    try {
      const app = await api.patch(`/apps/${appId}`, { theme_color: themeColor, widget });
      this.apps = this.apps.map((a) => (a.id === app.id ? app : a));
      this.reset(app);
      this.status = `The widget settings of “${app.name}” were saved. Open widgets show them when next loaded.`;
    } catch (err) {
      this.error = err;
      focusInvalid(this, this.querySelector('form.widget-form'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<div class="settings-page widget-page">
      <header>
        <h1>Widget</h1>
        <p>How your app's chat widget looks and when it shows, for every visitor. The preview follows your changes.</p>
      </header>
      ${statusLine(this.status)}
      ${this.loadError ? formProblem(this.loadError) : nothing}
      ${!this.apps ? html`<p class="muted">Loading apps…</p>`
        : !this.apps.length ? html`<p class="panel">Add an app first: <a href="#/settings/apps">Apps</a>.</p>`
          : this.app && this.draft ? this.page() : html`<p class="panel">This app does not exist or was deleted.</p>`}
    </div>`;
  }

  page() {
    const readOnly = !session.isAdmin;
    return html`${appPicker(this.apps, this.app, 'widget')}
      ${readOnly ? html`<p class="read-only-notice">Only owners and admins can change the widget.</p>` : nothing}
      <div class="widget-layout">
        <form class="widget-form" @submit=${this.save} novalidate>
          <fieldset ?disabled=${readOnly}>
            <legend class="visually-hidden">Widget settings</legend>
            ${this.texts()}${this.look()}${this.behaviour()}
            ${formProblem(this.error, ['theme_color', 'widget'])}
            ${readOnly ? nothing : html`<div class="actions">
              <button type="submit" class="primary" ?disabled=${this.busy}>Save widget settings</button>
              <button type="button" @click=${() => this.reset(this.app)}>Discard changes</button></div>`}
          </fieldset>
        </form>
        ${this.previewPanel()}
      </div>`;
  }

  texts() {
    const d = this.draft;
    const locales = [...new Set([...LOCALES, d.default_locale, ...Object.keys(d.launcher_label), ...Object.keys(d.welcome_text)])];
    return html`<section class="panel" aria-labelledby="widget-texts-title">
      <h2 id="widget-texts-title">Texts</h2>
      <div class="field-row">
        <div>
          <label for="widget-locale">Language</label>
          <select id="widget-locale" aria-describedby="widget-locale-hint" @change=${(e) => { this.locale = e.target.value; }}>
            ${locales.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${l}</option>`)}
          </select>
        </div>
        <div>
          <label for="widget-default-locale">Default language</label>
          <select id="widget-default-locale" @change=${(e) => this.set({ default_locale: e.target.value })}>
            ${locales.map((l) => html`<option value=${l} ?selected=${l === d.default_locale}>${l}</option>`)}
          </select>
        </div>
      </div>
      <p class="hint" id="widget-locale-hint">Visitors read the texts of their browser's language, else those of the default language.</p>
      <label for="widget-label">Launcher label</label>
      <input id="widget-label" type="text" maxlength="40" .value=${live(d.launcher_label[this.locale] || '')}
        aria-invalid=${invalid(this.error, 'widget.launcher_label')} aria-describedby="widget-label-hint widget-label-error"
        @input=${(e) => this.setText('launcher_label', e.target.value)}>
      <p class="hint" id="widget-label-hint">Shown beside the launcher's icon; empty: the icon alone.</p>
      ${fieldMessage(this.error, 'widget.launcher_label', 'widget-label-error')}
      <label for="widget-welcome">Welcome text</label>
      <textarea id="widget-welcome" rows="2" maxlength="500" .value=${live(d.welcome_text[this.locale] || '')}
        aria-invalid=${invalid(this.error, 'widget.welcome_text')} aria-describedby="widget-welcome-error"
        @input=${(e) => this.setText('welcome_text', e.target.value)}></textarea>
      ${fieldMessage(this.error, 'widget.welcome_text', 'widget-welcome-error')}
    </section>`;
  }

  look() {
    const d = this.draft;
    const ratio = HEX.test(d.theme_color) ? contrast(d.theme_color, this.textColor()) : null;
    return html`<section class="panel" aria-labelledby="widget-look-title">
      <h2 id="widget-look-title">Look</h2>
      <fieldset class="choices">
        <legend>Position</legend>
        ${[['right', 'Right'], ['left', 'Left']].map(([value, label]) => html`<label class="checkbox">
          <input type="radio" name="position" value=${value} .checked=${live(d.position === value)}
            @change=${() => this.set({ position: value })}> ${label}</label>`)}
      </fieldset>
      <div class="field-row">
        ${this.number('widget-offset-x', 'Horizontal offset', 'offset_x', 160, 'px from the side')}
        ${this.number('widget-offset-y', 'Vertical offset', 'offset_y', 160, 'px from the bottom')}
        ${this.number('widget-radius', 'Corner radius', 'corner_radius', 32, 'px')}
      </div>
      <div class="field-row colors">
        <div>
          <label for="widget-theme">Theme color</label>
          <input id="widget-theme" type="color" .value=${live(d.theme_color)} aria-invalid=${invalid(this.error, 'theme_color')}
            @input=${(e) => this.set({ theme_color: e.target.value })}>
        </div>
        <div>
          <label for="widget-text-color">Text on theme color</label>
          <input id="widget-text-color" type="color" .value=${live(this.textColor())} ?disabled=${!d.theme_text_color}
            aria-invalid=${invalid(this.error, 'widget.theme_text_color')} aria-describedby="widget-contrast widget-text-color-error"
            @input=${(e) => this.set({ theme_text_color: e.target.value })}>
          <label class="checkbox"><input type="checkbox" .checked=${live(!d.theme_text_color)}
            @change=${(e) => this.set({ theme_text_color: e.target.checked ? null : this.textColor() })}> Automatic</label>
        </div>
        <div>
          <label for="widget-launcher-color">Launcher color</label>
          <input id="widget-launcher-color" type="color" .value=${live(d.launcher_color || d.theme_color)} ?disabled=${!d.launcher_color}
            aria-invalid=${invalid(this.error, 'widget.launcher_color')}
            @input=${(e) => this.set({ launcher_color: e.target.value })}>
          <label class="checkbox"><input type="checkbox" .checked=${live(!d.launcher_color)}
            @change=${(e) => this.set({ launcher_color: e.target.checked ? null : d.theme_color })}> Same as theme</label>
        </div>
      </div>
      ${ratio === null ? nothing : html`<p id="widget-contrast" class=${ratio < 4.5 ? 'contrast bad' : 'contrast'}>
        Contrast of the text on the theme color: ${ratio.toFixed(2)}:1${ratio < 4.5 ? ', below the 4.5:1 visitors need to read it' : ''}</p>`}
      ${fieldMessage(this.error, 'widget.theme_text_color', 'widget-text-color-error')}
      <label for="widget-font">Font</label>
      <select id="widget-font" @change=${(e) => this.set({ font: e.target.value })}>
        ${FONTS.map(([value, label]) => html`<option value=${value} ?selected=${value === d.font}>${label}</option>`)}
      </select>
    </section>`;
  }

  number(id, label, key, max, unit) {
    const field = `widget.${key}`;
    return html`<div>
      <label for=${id}>${label}</label>
      <input id=${id} type="number" min="0" max=${max} step="1" .value=${live(String(this.draft[key]))}
        aria-invalid=${invalid(this.error, field)} aria-describedby=${`${id}-hint ${id}-error`}
        @input=${(e) => this.set({ [key]: e.target.value === '' ? null : Number(e.target.value) })}>
      <p class="hint" id=${`${id}-hint`}>${unit}, 0 to ${max}</p>
      ${fieldMessage(this.error, field, `${id}-error`)}
    </div>`;
  }

  behaviour() {
    const d = this.draft;
    const box = (key, label, hint) => html`<label class="checkbox"><input type="checkbox" .checked=${live(!!d[key])}
      @change=${(e) => this.set({ [key]: e.target.checked })}> ${label}</label>${hint ? html`<p class="hint">${hint}</p>` : nothing}`;
    return html`<section class="panel" aria-labelledby="widget-behaviour-title">
      <h2 id="widget-behaviour-title">Behaviour</h2>
      ${box('open_on_load', 'Open on page load', 'Once per browser tab; a visitor who closes it is not bothered again.')}
      ${box('hide_on_mobile', 'Hide on mobile', 'Nothing shows on screens narrower than 480 px.')}
      ${box('hide_when_unavailable', 'Hide when no one is available', 'Outside office hours, or while no member is online and available.')}
      ${box('pause_new_conversations', 'Pause new conversations', 'New visitors see the away text and can leave their email; ongoing conversations go on.')}
      <label for="widget-collect-email">Collect email before chatting</label>
      <select id="widget-collect-email" aria-invalid=${invalid(this.error, 'widget.collect_email')}
        @change=${(e) => this.set({ collect_email: e.target.value })}>
        ${[['off', 'Off'], ['optional', 'Optional'], ['required', 'Required']].map(([value, label]) => html`
          <option value=${value} ?selected=${value === d.collect_email}>${label}</option>`)}
      </select>
      <label for="widget-countries">Countries</label>
      <input id="widget-countries" type="text" spellcheck="false" autocomplete="off" .value=${live(d.countries.join(', '))}
        aria-invalid=${invalid(this.error, 'widget.countries')} aria-describedby="widget-countries-hint widget-countries-error"
        @change=${(e) => this.set({ countries: e.target.value.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean) })}>
      <p class="hint" id="widget-countries-hint">Two-letter codes (FR, DE, US…) of the countries the launcher shows in; empty: everywhere.</p>
      ${fieldMessage(this.error, 'widget.countries', 'widget-countries-error')}
      <label for="widget-calendar">Calendar link</label>
      <input id="widget-calendar" type="url" placeholder="https://cal.example.com/your-team" spellcheck="false"
        .value=${live(d.calendar_url || '')} aria-invalid=${invalid(this.error, 'widget.calendar_url')}
        aria-describedby="widget-calendar-hint widget-calendar-error"
        @input=${(e) => this.set({ calendar_url: e.target.value.trim() || null })}>
      <p class="hint" id="widget-calendar-hint">Shown when no one is available, so visitors can book a time instead.</p>
      ${fieldMessage(this.error, 'widget.calendar_url', 'widget-calendar-error')}
    </section>`;
  }

  previewPanel() {
    const d = this.draft;
    const label = d.launcher_label[this.locale] || d.launcher_label[d.default_locale] || '';
    const welcome = d.welcome_text[this.locale] || d.welcome_text[d.default_locale] || 'Hi! Ask us anything, we\'re happy to help.';
    return html`<section class="panel preview-panel" aria-labelledby="widget-preview-title">
      <h2 id="widget-preview-title">Preview</h2>
      <figure class="widget-preview ${d.position === 'left' ? 'left' : 'right'}"
        aria-label=${`The widget on the ${d.position === 'left' ? 'left' : 'right'}${label ? `, launcher labeled “${label}”` : ''}`}>
        <div class="pv-panel" aria-hidden="true">
          <div class="pv-head"><strong>${this.app.name}</strong><span>${d.pause_new_conversations ? 'Away' : 'Online'}</span></div>
          <div class="pv-body">
            <p class="pv-welcome">${welcome}</p>
            <p class="pv-bubble pv-agent">How can we help?</p>
            <p class="pv-bubble pv-visitor">Hi! I have a question.</p>
          </div>
          <div class="pv-composer">Write a message…</div>
        </div>
        <div class="pv-launcher ${label ? 'labeled' : ''}" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22"><path d="M4 5.5A2.5 2.5 0 016.5 3h11A2.5 2.5 0 0120 5.5v8a2.5 2.5 0 01-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 014 13.5v-8z" fill="currentColor"/></svg>
          ${label ? html`<span>${label}</span>` : nothing}
        </div>
      </figure>
    </section>`;
  }
}
customElements.define('cv-settings-widget', SettingsWidget);
