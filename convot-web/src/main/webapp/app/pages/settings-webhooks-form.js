/*
 * The form that adds a webhook endpoint or edits one: URL, description, the event types and the
 * apps it listens to (all, or a chosen few). It saves through the REST API and fires `saved`.
 */
import { View, html, nothing, fieldError, formError } from '../view.js';
import { api } from '../api.js';

/** The nine event types of the catalogue, then the test event, with what each means. */
export const EVENT_TYPES = [
  ['message.received', 'A visitor sent a message'],
  ['message.sent', 'An agent replied (never private notes)'],
  ['message.deleted', 'A message was deleted'],
  ['conversation.created', 'A conversation started'],
  ['conversation.assigned', 'A conversation was assigned or unassigned'],
  ['conversation.resolved', 'A conversation was resolved'],
  ['conversation.reopened', 'A conversation was reopened'],
  ['contact.created', 'A contact was created'],
  ['contact.identified', 'A contact got an email or external id'],
  ['webhook.test', 'The test event (Send test)'],
];

let forms = 0;

class WebhookEndpointForm extends View {
  static properties = {
    /** The endpoint to edit; absent when adding one. */
    endpoint: { attribute: false },
    apps: { attribute: false },
    submitLabel: {},
    allEvents: { state: true },
    allApps: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.apps = [];
    this.allEvents = true;
    this.allApps = true;
    this.idPrefix = `endpoint-form-${++forms}`;
  }

  willUpdate(changed) {
    if (changed.has('endpoint')) {
      this.allEvents = !this.endpoint || this.endpoint.events.length === 0;
      this.allApps = !this.endpoint || this.endpoint.app_ids.length === 0;
      this.error = null;
    }
  }

  async submit(e) {
    e.preventDefault();
    const form = e.target;
    const data = new FormData(form);
    const events = this.allEvents ? [] : data.getAll('event');
    const appIds = this.allApps ? [] : data.getAll('app');
    if (!this.allEvents && events.length === 0) {
      this.error = { message: 'Choose at least one event type, or All events.' };
      return;
    }
    if (!this.allApps && appIds.length === 0) {
      this.error = { message: 'Choose at least one app, or All apps.' };
      return;
    }
    const body = { url: data.get('url').trim(), events, app_ids: appIds, description: data.get('description') };
    this.busy = true;
    this.error = null;
    try {
      const saved = this.endpoint
        ? await api.patch(`/webhooks/${this.endpoint.id}`, body)
        : await api.post('/webhooks', body);
      if (!this.endpoint) {
        form.reset();
        this.allEvents = true;
        this.allApps = true;
      }
      this.dispatchEvent(new CustomEvent('saved', { detail: saved }));
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const p = this.idPrefix;
    const endpoint = this.endpoint || { url: '', description: '', events: [], app_ids: [] };
    const urlError = this.error && this.error.field && this.error.field('url');
    return html`
      <form class="endpoint-form" @submit=${this.submit} novalidate>
        <label for="${p}-url">URL</label>
        <input id="${p}-url" name="url" type="url" required placeholder="https://example.com/convot/webhooks"
          .value=${endpoint.url} aria-invalid=${urlError ? 'true' : 'false'} aria-describedby="${p}-url-hint ${p}-url-error">
        <p class="hint" id="${p}-url-hint">An HTTPS address on the public internet. Convot POSTs each event to it, signed.</p>
        ${fieldError(this.error, 'url', `${p}-url-error`)}

        <label for="${p}-description">Description <span class="muted">(optional)</span></label>
        <input id="${p}-description" name="description" type="text" maxlength="500" .value=${endpoint.description || ''}
          aria-describedby="${p}-description-error">
        ${fieldError(this.error, 'description', `${p}-description-error`)}

        <fieldset>
          <legend>Events</legend>
          ${this.scope('events', 'All events', 'Only the events I choose', this.allEvents, (all) => { this.allEvents = all; })}
          ${this.allEvents ? nothing : html`
            <ul class="choices" aria-label="Event types">
              ${EVENT_TYPES.map(([type, meaning]) => html`
                <li><label class="checkbox">
                  <input type="checkbox" name="event" value=${type} ?checked=${endpoint.events.includes(type)}>
                  <span><code>${type}</code> <span class="muted">${meaning}</span></span>
                </label></li>`)}
            </ul>`}
        </fieldset>

        <fieldset>
          <legend>Apps</legend>
          ${this.apps.length === 0
            ? html`<p class="hint">Events of every app go to this endpoint (there are no apps to choose from yet).</p>`
            : html`
              ${this.scope('apps', 'All apps', 'Only the apps I choose', this.allApps, (all) => { this.allApps = all; })}
              ${this.allApps ? nothing : html`
                <ul class="choices" aria-label="Apps">
                  ${this.apps.map((app) => html`
                    <li><label class="checkbox">
                      <input type="checkbox" name="app" value=${app.id} ?checked=${endpoint.app_ids.includes(app.id)}>
                      <span>${app.name}</span>
                    </label></li>`)}
                </ul>`}`}
        </fieldset>

        ${this.otherErrors()}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.submitLabel}</button>
          ${this.endpoint ? html`<button type="button" @click=${() => this.dispatchEvent(new Event('cancel'))}>Cancel</button>` : nothing}
        </div>
      </form>`;
  }

  /** What went wrong beyond the URL and the description, which show under their fields. */
  otherErrors() {
    if (!this.error) return nothing;
    const fieldErrors = (this.error.problem && this.error.problem.errors) || [];
    if (fieldErrors.length === 0) return formError(this.error);
    const others = fieldErrors.filter((e) => e.field !== 'url' && e.field !== 'description');
    return others.length ? html`<p class="form-error" role="alert">${others.map((e) => e.message).join('; ')}</p>` : nothing;
  }

  /** Two radio buttons: everything, or a chosen few. */
  scope(name, allLabel, someLabel, all, choose) {
    const p = `${this.idPrefix}-${name}`;
    return html`
      <div class="scope">
        <label class="checkbox"><input type="radio" name="${p}-scope" .checked=${all} @change=${() => choose(true)}> ${allLabel}</label>
        <label class="checkbox"><input type="radio" name="${p}-scope" .checked=${!all} @change=${() => choose(false)}> ${someLabel}</label>
      </div>`;
  }
}
customElements.define('cv-webhook-endpoint-form', WebhookEndpointForm);
