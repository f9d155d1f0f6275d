/*
 * What the settings pages share about forms: the API's field errors (`errors: [{field, message}]`)
 * shown at their inputs, the rest as one form error, and a polite status line for what succeeded.
 */
import { html, nothing, stylesheet } from '../view.js';

stylesheet(import.meta.url);

/** The field errors of an ApiError whose field is `field` or lies below it (`allowed_origins[2]`, `office_hours.days.mon`). */
export function errorsUnder(error, field) {
  const errors = (error && error.problem && error.problem.errors) || [];
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`));
}

/** The message under one input (linked by its aria-describedby), or nothing. */
export function fieldMessage(error, field, id) {
  const messages = errorsUnder(error, field).map((e) => e.message);
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join('; ')}</p>` : nothing;
}

/**
 * The form-level error (role alert): the problem's own message when no field error explains it,
 * plus any field error the form has no input for, so no refusal is ever silent.
 */
export function formProblem(error, shownFields = []) {
  if (!error) return nothing;
  const errors = (error.problem && error.problem.errors) || [];
  const shown = (e) => shownFields.some((f) => e.field === f || e.field.startsWith(`${f}[`) || e.field.startsWith(`${f}.`));
  const rest = errors.filter((e) => !shown(e));
  if (errors.length && !rest.length) return nothing;
  return html`<div class="form-error" role="alert">
    ${errors.length ? rest.map((e) => html`<p>${e.field}: ${e.message}</p>`) : html`<p>${error.message}</p>`}
  </div>`;
}

/** Whether an input's field has an error: for aria-invalid. */
export function invalid(error, field) {
  return errorsUnder(error, field).length ? 'true' : 'false';
}

/** After a refused submit, puts focus on the first input marked invalid in `root` (else leaves it). */
export async function focusInvalid(element, root) {
  await element.updateComplete;
  const first = (root || element).querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

/** The page's polite live region: present while empty so the message that fills it is announced. */
export function statusLine(message) {
  return html`<p class="status-line" role="status">${message || ''}</p>`;
}
