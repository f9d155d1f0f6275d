import { View, html, nothing, stylesheet } from '../view.js';
import { live } from 'lit/directives/live.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';
import { loadApps, chosenApp, appPicker } from './settings-app-picker.js';

stylesheet(import.meta.url);

const TYPES = [['text', 'Text'], ['number', 'Number'], ['select', 'One choice'], ['multi_select', 'Several choices'],
  ['email', 'Email'], ['phone', 'Phone']];
const OUTCOMES = [['start_chat', 'Start the chat anyway'], ['show_message', 'Show a message'],
  ['show_calendar', 'Show a message and the calendar link']];

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const numberOrNull = (value) => (value === '' || value == null ? null : Number(value));

/** An id for a new question from its text: lowercase letters, digits and _, unique among `taken`. */
function idFor(label, taken) {
  const base = (label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'question').slice(0, 34);
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * Settings → Qualification (`#/settings/qualification/:app?`): the questions the widget asks before
 * a visitor's first message, in order, and what answers that do not qualify lead to. The answers
 * show in the inbox's contact sidebar and in `conversation.created`.
 */
class SettingsQualification extends View {
  static properties = {
    params: { attribute: false },
    apps: { state: true },
    questions: { state: true },
    rule: { state: true },
    appId: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.apps = await loadApps();
    } catch (err) {
      this.loadError = err;
    }
  }

  get app() {
    return this.apps ? chosenApp(this.apps, this.params, 'qualification') : null;
  }

  willUpdate() {
    const app = this.app;
    if (app && this.appId !== app.id) this.reset(app);
  }

  reset(app) {
    this.appId = app.id;
    this.questions = app.qualification_questions.map((q) => ({
      ...q, optionsText: (q.options || []).join('\n'), qualifyingText: (q.qualifying_options || []).join('\n') }));
    this.rule = { ...app.qualification_rule };
    this.error = null;
  }

  change(index, changes) {
    this.questions = this.questions.map((q, i) => (i === index ? { ...q, ...changes } : q));
  }

  add() {
    this.questions = [...this.questions, { id: null, label: '', type: 'text', required: false, optionsText: '', qualifyingText: '' }];
    const index = this.questions.length - 1;
    this.updateComplete.then(() => this.querySelector(`#q-${index}-label`).focus());
  }

  move(index, by) {
    const list = [...this.questions];
    const [q] = list.splice(index, 1);
    list.splice(index + by, 0, q);
    this.questions = list;
  }

  remove(index) {
    this.questions = this.questions.filter((_, i) => i !== index);
  }

  /** The questions as the API takes them; new ones get an id from their text. */
  payload() {
    const taken = this.questions.map((q) => q.id).filter(Boolean);
    return this.questions.map((q) => {
      const id = q.id || idFor(q.label, taken);
      if (!q.id) taken.push(id);
      const out = { id, label: q.label.trim(), type: q.type, required: !!q.required };
      if (q.type === 'select' || q.type === 'multi_select') {
        out.options = lines(q.optionsText);
        out.qualifying_options = lines(q.qualifyingText);
      }
      if (q.type === 'number') {
        Object.assign(out, { min: numberOrNull(q.min), max: numberOrNull(q.max), qualifying_min: numberOrNull(q.qualifying_min),
          qualifying_max: numberOrNull(q.qualifying_max) });
      }
      return out;
    });
  }

  async save(e) {
    e.preventDefault();
    this.busy = true;
    this.error = null;
    this.status = '';
    try {
      const app = await api.patch(`/apps/${this.appId}`, { qualification_questions: this.payload(),
        qualification_rule: { when_unqualified: this.rule.when_unqualified, message: (this.rule.message || '').trim() || null } });
      this.apps = this.apps.map((a) => (a.id === app.id ? app : a));
      this.reset(app);
      this.status = app.qualification_questions.length
        ? `${app.qualification_questions.length} pre-chat question${app.qualification_questions.length > 1 ? 's were' : ' was'} saved for “${app.name}”.`
        : `“${app.name}” asks no pre-chat questions now.`;
    } catch (err) {
      this.error = err;
      focusInvalid(this, this.querySelector('form.qualification-form'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<div class="settings-page qualification-page">
      <header>
        <h1>Qualification</h1>
        <p>Questions the widget asks before a visitor's first message. Agents see the answers beside the conversation.</p>
      </header>
      ${statusLine(this.status)}
      ${this.loadError ? formProblem(this.loadError) : nothing}
      ${!this.apps ? html`<p class="muted">Loading apps…</p>`
        : !this.apps.length ? html`<p class="panel">Add an app first: <a href="#/settings/apps">Apps</a>.</p>`
          : this.app && this.questions ? this.page() : html`<p class="panel">This app does not exist or was deleted.</p>`}
    </div>`;
  }

  page() {
    const readOnly = !session.isAdmin;
    return html`${appPicker(this.apps, this.app, 'qualification')}
      ${readOnly ? html`<p class="read-only-notice">Only owners and admins can change the questions.</p>` : nothing}
      <form class="qualification-form" @submit=${this.save} novalidate>
        <fieldset ?disabled=${readOnly}>
          <legend class="visually-hidden">Pre-chat questions</legend>
          ${this.questions.length ? html`<ol class="questions">${this.questions.map((q, i) => this.question(q, i))}</ol>`
            : html`<p class="panel muted">No questions: visitors start chatting at once.</p>`}
          ${readOnly ? nothing : html`<button type="button" @click=${this.add} ?disabled=${this.questions.length >= 10}>Add question</button>`}
          ${this.ruleFields()}
          ${formProblem(this.error, ['qualification_questions', 'qualification_rule'])}
          ${readOnly ? nothing : html`<div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>Save questions</button>
            <button type="button" @click=${() => this.reset(this.app)}>Discard changes</button></div>`}
        </fieldset>
      </form>`;
  }

  question(q, i) {
    const n = i + 1;
    const field = `qualification_questions[${i}]`;
    const id = `q-${i}`;
    const select = q.type === 'select' || q.type === 'multi_select';
    return html`<li class="panel question">
      <fieldset>
        <legend>Question ${n}</legend>
        <label for=${`${id}-label`}>Question</label>
        <input id=${`${id}-label`} type="text" maxlength="200" .value=${live(q.label)}
          aria-invalid=${invalid(this.error, `${field}.label`)} aria-describedby=${`${id}-error`}
          @input=${(e) => this.change(i, { label: e.target.value })}>
        <div class="field-row">
          <div>
            <label for=${`${id}-type`}>Answer type</label>
            <select id=${`${id}-type`} @change=${(e) => this.change(i, { type: e.target.value })}>
              ${TYPES.map(([value, label]) => html`<option value=${value} ?selected=${value === q.type}>${label}</option>`)}
            </select>
          </div>
          <div class="narrow">
            <label class="checkbox"><input type="checkbox" .checked=${live(!!q.required)}
              @change=${(e) => this.change(i, { required: e.target.checked })}> Required</label>
          </div>
        </div>
        ${select ? html`<div class="field-row">
          <div>
            <label for=${`${id}-options`}>Options</label>
            <textarea id=${`${id}-options`} rows="3" .value=${live(q.optionsText)} aria-describedby=${`${id}-options-hint`}
              aria-invalid=${invalid(this.error, `${field}.options`)} @input=${(e) => this.change(i, { optionsText: e.target.value })}></textarea>
            <p class="hint" id=${`${id}-options-hint`}>One per line.</p>
          </div>
          <div>
            <label for=${`${id}-qualifying`}>Qualifying options</label>
            <textarea id=${`${id}-qualifying`} rows="3" .value=${live(q.qualifyingText)} aria-describedby=${`${id}-qualifying-hint`}
              aria-invalid=${invalid(this.error, `${field}.qualifying_options`)}
              @input=${(e) => this.change(i, { qualifyingText: e.target.value })}></textarea>
            <p class="hint" id=${`${id}-qualifying-hint`}>The answers that qualify, one per line; empty: any.</p>
          </div>
        </div>` : nothing}
        ${q.type === 'number' ? html`<div class="field-row numbers">
          ${[['min', 'Minimum'], ['max', 'Maximum'], ['qualifying_min', 'Qualifies from'], ['qualifying_max', 'Qualifies up to']]
            .map(([key, label]) => html`<div>
              <label for=${`${id}-${key}`}>${label}</label>
              <input id=${`${id}-${key}`} type="number" step="any" .value=${live(q[key] == null ? '' : String(q[key]))}
                aria-invalid=${invalid(this.error, `${field}.${key}`)} @input=${(e) => this.change(i, { [key]: e.target.value })}>
            </div>`)}
        </div>` : nothing}
        ${fieldMessage(this.error, field, `${id}-error`)}
        <div class="question-actions">
          <button type="button" class="link-button" aria-label=${`Move question ${n} up`} ?disabled=${i === 0}
            @click=${() => this.move(i, -1)}>Move up</button>
          <button type="button" class="link-button" aria-label=${`Move question ${n} down`} ?disabled=${i === this.questions.length - 1}
            @click=${() => this.move(i, 1)}>Move down</button>
          <button type="button" class="link-button" aria-label=${`Remove question ${n}`} @click=${() => this.remove(i)}>Remove</button>
        </div>
      </fieldset>
    </li>`;
  }

  ruleFields() {
    return html`<section class="panel" aria-labelledby="rule-title">
      <h2 id="rule-title">When answers do not qualify</h2>
      <label for="rule-outcome">Then</label>
      <select id="rule-outcome" @change=${(e) => { this.rule = { ...this.rule, when_unqualified: e.target.value }; }}>
        ${OUTCOMES.map(([value, label]) => html`<option value=${value} ?selected=${value === this.rule.when_unqualified}>${label}</option>`)}
      </select>
      <label for="rule-message">Message</label>
      <textarea id="rule-message" rows="2" maxlength="500" .value=${live(this.rule.message || '')}
        aria-invalid=${invalid(this.error, 'qualification_rule.message')} aria-describedby="rule-message-hint"
        @input=${(e) => { this.rule = { ...this.rule, message: e.target.value }; }}></textarea>
      <p class="hint" id="rule-message-hint">Shown instead of the chat; the calendar link is the one set under Widget.</p>
    </section>`;
  }
}
customElements.define('cv-settings-qualification', SettingsQualification);
