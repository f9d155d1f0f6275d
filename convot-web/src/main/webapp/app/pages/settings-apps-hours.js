import { View, html, nothing, stylesheet } from '../view.js';
import { live } from 'lit/directives/live.js';
import { fieldMessage, formProblem, invalid } from './settings-forms.js';

stylesheet(import.meta.url);

const DAYS = [['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'],
  ['sat', 'Saturday'], ['sun', 'Sunday']];

function zones(current) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...all, current].filter(Boolean))].sort();
}

/** A time input cannot say 24:00: a closing time of 00:00 stands for midnight at the day's end. */
const toInput = (time) => (time === '24:00' ? '00:00' : time);
const fromInput = (open, close) => (close === '00:00' && open !== '00:00' ? '24:00' : close);

/**
 * An app's office hours as the API shapes them (`{timezone, days: {mon: [["09:00", "17:30"]], ...}}`,
 * days left out are closed) or none (always available). `save(hours)` is called with the new value
 * (null for none); `error` is the refusal, its fields named `office_hours.timezone`, `office_hours.days.mon`.
 */
class OfficeHoursEditor extends View {
  static properties = {
    hours: { attribute: false },
    error: { attribute: false },
    busy: { attribute: false },
    readOnly: { attribute: false },
    save: { attribute: false },
    draft: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('hours')) this.draft = this.fromHours(this.hours);
  }

  fromHours(hours) {
    if (!hours) {
      return { enabled: false, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        days: Object.fromEntries(DAYS.map(([key], i) => [key, i < 5 ? [['09:00', '17:00']] : []])) };
    }
    return { enabled: true, zone: hours.timezone,
      days: Object.fromEntries(DAYS.map(([key]) => [key, (hours.days[key] || []).map(([open, close]) => [open, toInput(close)])])) };
  }

  toHours() {
    const { enabled, zone, days } = this.draft;
    if (!enabled) return null;
    const open = Object.entries(days).filter(([, ranges]) => ranges.length)
      .map(([key, ranges]) => [key, ranges.map(([from, to]) => [from, fromInput(from, to)])]);
    return { timezone: zone, days: Object.fromEntries(open) };
  }

  change(update) {
    this.draft = { ...this.draft, ...update };
  }

  changeDay(key, ranges) {
    this.change({ days: { ...this.draft.days, [key]: ranges } });
  }

  setTime(key, index, position, value) {
    const ranges = this.draft.days[key].map((range, i) => (i === index ? Object.assign([...range], { [position]: value }) : range));
    this.changeDay(key, ranges);
  }

  submit(e) {
    e.preventDefault();
    this.save(this.toHours());
  }

  render() {
    const { enabled, zone } = this.draft;
    const error = this.error;
    return html`
      <section class="panel office-hours" aria-labelledby="hours-title" data-section="hours">
        <h3 id="hours-title">Office hours</h3>
        <p class="lead">Outside office hours the widget tells visitors your team will reply by email.</p>
        <form @submit=${this.submit} novalidate>
          <fieldset ?disabled=${this.readOnly}>
            <legend class="visually-hidden">Office hours</legend>
            <label class="checkbox">
              <input type="checkbox" .checked=${live(enabled)} aria-describedby="hours-enabled-hint"
                @change=${(e) => this.change({ enabled: e.target.checked })}>
              Set office hours
            </label>
            <p class="hint" id="hours-enabled-hint">${enabled
              ? 'Days left closed count as outside office hours. A closing time of 00:00 means midnight.'
              : 'Off: the widget shows your team as available at all times.'}</p>
            ${enabled ? this.week(zone, error) : nothing}
            ${formProblem(error, enabled ? ['office_hours.timezone', ...DAYS.map(([key]) => `office_hours.days.${key}`)] : [])}
            ${this.readOnly ? nothing : html`<div class="actions">
              <button type="submit" class="primary" ?disabled=${this.busy}>Save office hours</button></div>`}
          </fieldset>
        </form>
      </section>`;
  }

  week(zone, error) {
    return html`
      <label for="hours-zone">Time zone</label>
      <select id="hours-zone" class="hours-zone" aria-invalid=${invalid(error, 'office_hours.timezone')}
        aria-describedby="hours-zone-error" @change=${(e) => this.change({ zone: e.target.value })}>
        ${zones(zone).map((z) => html`<option value=${z} ?selected=${z === zone}>${z.replaceAll('_', ' ')}</option>`)}
      </select>
      ${fieldMessage(error, 'office_hours.timezone', 'hours-zone-error')}
      <table class="hours-week">
        <caption class="visually-hidden">Opening hours per weekday</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Hours</th></tr></thead>
        <tbody>${DAYS.map(([key, name]) => this.day(key, name, error))}</tbody>
      </table>`;
  }

  day(key, name, error) {
    const ranges = this.draft.days[key];
    const errorId = `hours-${key}-error`;
    return html`
      <tr>
        <th scope="row">
          <label class="checkbox">
            <input type="checkbox" .checked=${live(ranges.length > 0)}
              @change=${(e) => this.changeDay(key, e.target.checked ? [['09:00', '17:00']] : [])}>
            ${name}
          </label>
        </th>
        <td>
          ${ranges.length ? html`<ul class="ranges">${ranges.map(([open, close], i) => this.range(key, name, i, open, close, ranges, error))}</ul>
              <button type="button" class="link-button" aria-label=${`Add hours on ${name}`}
                @click=${() => this.changeDay(key, [...ranges, ['13:00', '17:00']])}>Add hours</button>`
            : html`<span class="muted">Closed</span>`}
          ${fieldMessage(error, `office_hours.days.${key}`, errorId)}
        </td>
      </tr>`;
  }

  range(key, name, i, open, close, ranges, error) {
    const id = `hours-${key}-${i}`;
    const bad = invalid(error, `office_hours.days.${key}`);
    return html`
      <li>
        <label class="visually-hidden" for=${`${id}-open`}>${name}, opens${ranges.length > 1 ? ` (${i + 1})` : ''}</label>
        <input id=${`${id}-open`} type="time" .value=${live(open)} aria-invalid=${bad} aria-describedby=${`hours-${key}-error`}
          @change=${(e) => this.setTime(key, i, 0, e.target.value)}>
        <span aria-hidden="true">–</span>
        <label class="visually-hidden" for=${`${id}-close`}>${name}, closes${ranges.length > 1 ? ` (${i + 1})` : ''}</label>
        <input id=${`${id}-close`} type="time" .value=${live(close)} aria-invalid=${bad} aria-describedby=${`hours-${key}-error`}
          @change=${(e) => this.setTime(key, i, 1, e.target.value)}>
        ${ranges.length > 1 ? html`<button type="button" class="link-button" aria-label=${`Remove ${name} ${open}–${close}`}
          @click=${() => this.changeDay(key, ranges.filter((_, j) => j !== i))}>Remove</button>` : nothing}
      </li>`;
  }
}
customElements.define('cv-office-hours', OfficeHoursEditor);
