/*
 * Settings › Webhooks (`#/settings/webhooks`, and `#/settings/webhooks/<id>` for one endpoint).
 * The list of endpoints and the form that adds one; an endpoint's page with its signing secret
 * (shown once, after creation or rotation), test send, disable/enable, edit, delete and the
 * delivery log. Owners and admins only, as the API.
 */
import { View, html, nothing, stylesheet, formError, fullTime, time, go } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';
import '../components/secret-once.js';
import './settings-webhooks-form.js';
import './settings-webhooks-deliveries.js';

stylesheet(import.meta.url);

const STATUS = {
  enabled: ['Enabled', 'ok'],
  disabled: ['Disabled', ''],
  auto_disabled: ['Auto-disabled', 'bad'],
};

class SettingsWebhooks extends View {
  static properties = {
    params: { attribute: false },
    endpoints: { state: true },
    endpointsDone: { state: true },
    apps: { state: true },
    endpoint: { state: true },
    missing: { state: true },
    revealed: { state: true },
    editing: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.endpoints = null;
    this.apps = [];
  }

  willUpdate(changed) {
    if (changed.has('params') && session.isAdmin) this.show(this.params && this.params.endpoint);
  }

  /** Loads what the route names: the list, or one endpoint. */
  async show(id) {
    this.error = null;
    this.editing = false;
    if (!id || id !== (this.endpoint && this.endpoint.id)) {
      this.endpoint = null;
      this.missing = false;
    }
    if (this.revealed && this.revealed.id !== id) this.revealed = null;
    this.loadApps();
    if (!id) {
      this.loadEndpoints();
      return;
    }
    try {
      this.endpoint = await api.get(`/webhooks/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err.status === 404 || err.status === 422) this.missing = true;
      else this.error = err;
    }
  }

  async loadApps() {
    try {
      const all = pages('/apps', {}, 200);
      const apps = [];
      while (!all.done) apps.push(...await all.next());
      this.apps = apps;
    } catch (err) {
      this.error = err;
    }
  }

  async loadEndpoints(more = false) {
    if (!more) this.endpointPages = pages('/webhooks', {}, 25);
    try {
      const rows = await this.endpointPages.next();
      this.endpoints = more ? [...this.endpoints, ...rows] : rows;
      this.endpointsDone = this.endpointPages.done;
    } catch (err) {
      this.error = err;
    }
  }

  created(e) {
    const endpoint = e.detail;
    this.revealed = { id: endpoint.id, secret: endpoint.secret, rotated: false };
    this.endpoint = { ...endpoint, secret: undefined };
    this.say(null);
    go(`/settings/webhooks/${endpoint.id}`);
  }

  /** Announces `text` on the view of endpoint `id` (the list when absent), not on the next one opened. */
  say(text, id = this.endpoint && this.endpoint.id) {
    this.message = text ? { id, text } : null;
  }

  said() {
    const here = this.params && this.params.endpoint;
    return this.message && this.message.id === here ? this.message.text : '';
  }

  /** Runs one action on the endpoint: `done` gets the answer; a refusal shows above the log. */
  async act(name, request, done) {
    this.busy = name;
    this.error = null;
    this.say(null);
    try {
      const answer = await request();
      done(answer);
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = null;
    }
  }

  sendTest() {
    this.act('test', () => api.post(`/webhooks/${this.endpoint.id}/test`), () => {
      this.say('A webhook.test event is on its way: its attempt appears in the deliveries below.');
      this.log().followUp();
    });
  }

  async rotate() {
    const yes = await confirmAction({
      title: 'Rotate the signing secret?',
      message: 'Convot makes a new secret and shows it once. For a grace period the current secret keeps signing '
        + 'alongside the new one, so your receiver keeps verifying while you switch it over.',
      confirmLabel: 'Rotate secret',
      destructive: false,
    });
    if (!yes) return;
    this.act('rotate', () => api.post(`/webhooks/${this.endpoint.id}/secret/rotate`), (rotated) => {
      this.revealed = { id: rotated.id, secret: rotated.secret, rotated: true, previousUntil: rotated.previous_secret_expires_at };
      this.endpoint = { ...rotated, secret: undefined };
    });
  }

  setActive(active) {
    this.act(active ? 'enable' : 'disable', () => api.post(`/webhooks/${this.endpoint.id}/${active ? 'enable' : 'disable'}`), (endpoint) => {
      this.endpoint = endpoint;
      this.say(active
        ? 'Enabled. Events raised while it was disabled are in the log as skipped: replay them below to send them.'
        : 'Disabled. Nothing is sent until you enable it again; its events are kept in the log as skipped.');
    });
  }

  async remove() {
    const yes = await confirmAction({
      title: 'Delete this endpoint?',
      message: `${this.endpoint.url} stops receiving events at once, and its delivery log is deleted with it. This cannot be undone.`,
      confirmLabel: 'Delete endpoint',
    });
    if (!yes) return;
    this.act('delete', () => api.del(`/webhooks/${this.endpoint.id}`), () => {
      this.say(`${this.endpoint.url} was deleted.`, undefined);
      this.endpoint = null;
      this.revealed = null;
      go('/settings/webhooks');
    });
  }

  saved(e) {
    this.endpoint = e.detail;
    this.editing = false;
    this.say('Changes saved.');
  }

  log() {
    return this.querySelector('cv-webhook-deliveries');
  }

  render() {
    if (!session.isAdmin) {
      return html`<h1>Webhooks</h1>
        <p class="notice">Only owners and admins manage webhooks. Ask one of them if an integration needs an endpoint.</p>`;
    }
    return this.params && this.params.endpoint ? this.detail() : this.list();
  }

  list() {
    return html`
      <div class="webhooks">
        <header class="page-head">
          <h1>Webhooks</h1>
          <p class="muted">Convot POSTs events to your endpoints as they happen, signed the Standard Webhooks way
            (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>).</p>
        </header>
        <p role="status" class="page-message">${this.said()}</p>
        ${formError(this.error)}
        <div class="webhooks-columns">
          <section class="panel" aria-labelledby="endpoints-title">
            <h2 id="endpoints-title">Endpoints</h2>
            ${this.endpointTable()}
          </section>
          <section class="panel" aria-labelledby="add-endpoint-title">
            <h2 id="add-endpoint-title">Add an endpoint</h2>
            <cv-webhook-endpoint-form .apps=${this.apps} submitLabel="Add endpoint" @saved=${this.created}></cv-webhook-endpoint-form>
          </section>
        </div>
      </div>`;
  }

  endpointTable() {
    if (this.endpoints === null) return html`<p class="muted">Loading endpoints…</p>`;
    if (this.endpoints.length === 0) {
      return html`<p class="empty">No endpoints yet. Add the URL of your receiver to start getting events.</p>`;
    }
    return html`
      <ul class="endpoint-list" aria-label="Webhook endpoints">
        ${this.endpoints.map((e) => html`
          <li>
            <div class="endpoint-line">
              <a href="#/settings/webhooks/${e.id}" class="endpoint-url">${e.url}</a>
              ${this.statusBadge(e)}
            </div>
            ${e.description ? html`<p class="endpoint-description">${e.description}</p>` : nothing}
            <p class="hint">${this.eventsText(e)} · ${this.appsText(e)}</p>
            ${e.active ? nothing : html`<p class="hint">${e.disabled_reason}</p>`}
          </li>`)}
      </ul>
      ${this.endpointsDone ? nothing : html`<button type="button" @click=${() => this.loadEndpoints(true)}>Load more</button>`}`;
  }

  statusBadge(endpoint) {
    const [label, tone] = STATUS[endpoint.status] || [endpoint.active ? 'Enabled' : 'Disabled', ''];
    return html`<span class="badge ${tone}">${label}</span>`;
  }

  eventsText(endpoint) {
    if (endpoint.events.length === 0) return 'All events';
    if (endpoint.events.length <= 3) return endpoint.events.join(', ');
    return `${endpoint.events.slice(0, 2).join(', ')} and ${endpoint.events.length - 2} more events`;
  }

  appsText(endpoint) {
    if (endpoint.app_ids.length === 0) return 'All apps';
    const names = endpoint.app_ids.map((id) => (this.apps.find((a) => a.id === id) || { name: 'a deleted app' }).name);
    return names.join(', ');
  }

  detail() {
    const back = html`<p class="back"><a href="#/settings/webhooks">← All endpoints</a></p>`;
    if (this.missing) {
      return html`${back}<h1>Endpoint not found</h1><p>This endpoint does not exist, or it was deleted.</p>`;
    }
    const e = this.endpoint;
    if (!e) return html`${back}${formError(this.error)}<p class="muted">Loading the endpoint…</p>`;
    return html`
      <div class="webhook-endpoint">
        ${back}
        <header class="endpoint-head">
          <div>
            <h1 class="endpoint-title">${e.url}</h1>
            ${e.description ? html`<p class="endpoint-description">${e.description}</p>` : nothing}
            <p class="hint">${this.eventsText(e)} · ${this.appsText(e)} · added ${time(e.created_at)}</p>
          </div>
          ${this.statusBadge(e)}
        </header>
        ${this.secretBox(e)}
        ${e.active ? nothing : html`
          <p class="notice endpoint-disabled">${e.status === 'auto_disabled' ? 'Convot disabled this endpoint' : 'This endpoint is disabled'}
            ${e.disabled_at ? html`on ${fullTime(e.disabled_at)}` : nothing}: ${e.disabled_reason}.
            Nothing is sent until it is enabled; its events are kept as skipped deliveries.</p>`}
        ${!this.revealed && e.previous_secret_expires_at ? html`
          <p class="hint">The previous secret still signs alongside the current one until ${fullTime(e.previous_secret_expires_at)}.</p>` : nothing}
        <div class="actions endpoint-actions">
          <button type="button" class="primary" @click=${this.sendTest} ?disabled=${!!this.busy || !e.active}
            title=${e.active ? '' : 'Enable the endpoint first'}>Send test</button>
          ${e.active
            ? html`<button type="button" @click=${() => this.setActive(false)} ?disabled=${!!this.busy}>Disable</button>`
            : html`<button type="button" @click=${() => this.setActive(true)} ?disabled=${!!this.busy}>Enable</button>`}
          <button type="button" @click=${() => { this.editing = !this.editing; }} aria-expanded=${this.editing ? 'true' : 'false'}>Edit</button>
          <button type="button" @click=${this.rotate} ?disabled=${!!this.busy}>Rotate secret</button>
          <button type="button" class="danger" @click=${this.remove} ?disabled=${!!this.busy}>Delete</button>
        </div>
        <p role="status" class="page-message">${this.said()}</p>
        ${formError(this.error)}
        ${this.editing ? html`
          <section class="panel" aria-labelledby="edit-endpoint-title">
            <h2 id="edit-endpoint-title">Edit endpoint</h2>
            <cv-webhook-endpoint-form .endpoint=${e} .apps=${this.apps} submitLabel="Save changes"
              @saved=${this.saved} @cancel=${() => { this.editing = false; }}></cv-webhook-endpoint-form>
          </section>` : nothing}
        <section class="panel" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">Delivery log</h2>
          <cv-webhook-deliveries .endpointId=${e.id} ?active=${e.active}></cv-webhook-deliveries>
        </section>
      </div>`;
  }

  secretBox(e) {
    if (!this.revealed || this.revealed.id !== e.id) return nothing;
    const { secret, rotated, previousUntil } = this.revealed;
    const warning = rotated && previousUntil
      ? `It is shown only this once. Until ${fullTime(previousUntil)} every delivery is signed with both this and the previous secret: switch your receiver to this one before then.`
      : 'It is shown only this once. Your receiver verifies every delivery with it.';
    return html`
      <section class="panel secret-panel" aria-labelledby="secret-title">
        <h2 id="secret-title">${rotated ? 'The new signing secret, shown once' : 'The signing secret, shown once'}</h2>
        <cv-secret-once label="Signing secret" .value=${secret} .warning=${warning}
          @done=${() => { this.revealed = null; }}></cv-secret-once>
      </section>`;
  }
}
customElements.define('cv-settings-webhooks', SettingsWebhooks);
