import { View, html, nothing, stylesheet, time } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';
import '../components/secret-once.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

/**
 * Settings → API keys: keys for the REST API, acting with an admin's rights. A new key is shown
 * once (the server keeps only its hash); the list shows each key's name and prefix. Owners and
 * admins only: the API refuses the list to agents.
 */
class SettingsApiKeys extends View {
  static properties = {
    keys: { state: true },
    loadError: { state: true },
    createError: { state: true },
    created: { state: true },
    actionError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.created = null; // shown once: leaving the page forgets it
    this.status = '';
    if (session.isAdmin) this.load();
  }

  async load() {
    this.loadError = null;
    try {
      const all = [];
      const list = pages('/api-keys', {}, 200);
      while (!list.done) all.push(...await list.next());
      this.keys = all;
    } catch (err) {
      this.loadError = err;
    }
  }

  async create(e) {
    e.preventDefault();
    const form = e.target;
    this.busy = 'create';
    this.createError = null;
    this.created = null;
    try {
      const created = await api.post('/api-keys', { name: new FormData(form).get('name') });
      this.created = created;
      const { key, ...listed } = created;
      this.keys = [...this.keys, listed];
      this.status = `The API key “${created.name}” was created.`;
      form.reset();
      this.updateComplete.then(() => this.querySelector('cv-secret-once').focusValue());
    } catch (err) {
      this.createError = err;
      focusInvalid(this, form);
    } finally {
      this.busy = null;
    }
  }

  async revoke(apiKey) {
    const yes = await confirmAction({
      title: `Revoke “${apiKey.name}”?`,
      message: html`<p>Requests with this key are refused from now on, and the live connections it opened close.
        This cannot be undone: integrations using it need a new key.</p>`,
      confirmLabel: 'Revoke key',
    });
    if (!yes) return;
    this.busy = apiKey.id;
    this.actionError = null;
    try {
      await api.del(`/api-keys/${apiKey.id}`);
      this.keys = this.keys.filter((k) => k.id !== apiKey.id);
      if (this.created && this.created.id === apiKey.id) this.created = null;
      this.status = `The API key “${apiKey.name}” was revoked.`;
    } catch (err) {
      this.actionError = err;
    } finally {
      this.busy = null;
    }
  }

  render() {
    return html`
      <div class="settings-page api-keys-page">
        <header>
          <h1>API keys</h1>
          <p>For your backend and scripts calling the REST API (<code>Authorization: Bearer cvk_…</code>). A key acts with an admin's rights.</p>
        </header>
        ${statusLine(this.status)}
        ${session.isAdmin ? this.manage() : html`<p class="read-only-notice">Only owners and admins can see and create API keys.</p>`}
      </div>`;
  }

  manage() {
    const error = this.createError;
    return html`
      <section class="panel" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Create an API key</h2>
        <form class="new-key" @submit=${this.create} novalidate>
          <div class="field-row">
            <div>
              <label for="key-name">Name</label>
              <input id="key-name" name="name" type="text" maxlength="100" autocomplete="off" required placeholder="Order sync"
                aria-invalid=${invalid(error, 'name')} aria-describedby="key-name-hint key-name-error">
            </div>
            <div class="narrow"><button type="submit" class="primary" ?disabled=${this.busy === 'create'}>Create API key</button></div>
          </div>
          <p class="hint" id="key-name-hint">Say where it will be used, so you know what breaks if you revoke it.</p>
          ${fieldMessage(error, 'name', 'key-name-error')}
          ${formProblem(error, ['name'])}
        </form>
        ${this.created ? html`<cv-secret-once .value=${this.created.key} label=${`API key “${this.created.name}”`}
          warning="It is shown only this once: Convot keeps only a hash of it. Store it in your secret manager now; if you lose it, create a new key and revoke this one."
          @done=${() => { this.created = null; }}></cv-secret-once>` : nothing}
      </section>
      ${formProblem(this.loadError)}
      ${formProblem(this.actionError)}
      ${this.keys ? this.table() : (this.loadError ? nothing : html`<p class="muted">Loading API keys…</p>`)}`;
  }

  table() {
    if (!this.keys.length) return html`<p class="empty panel">No API keys yet.</p>`;
    return html`
      <table class="keys-table" aria-labelledby="keys-title">
        <caption id="keys-title">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.keys.map((k) => html`
          <tr>
            <td class="key-name">${k.name}</td>
            <td><code>${k.prefix}…</code></td>
            <td>${time(k.created_at)}</td>
            <td>${k.last_used_at ? time(k.last_used_at) : html`<span class="muted">Never</span>`}</td>
            <td class="row-actions"><button type="button" class="danger" aria-label=${`Revoke ${k.name}`}
              ?disabled=${this.busy === k.id} @click=${() => this.revoke(k)}>Revoke</button></td>
          </tr>`)}</tbody>
      </table>`;
  }
}
customElements.define('cv-settings-api-keys', SettingsApiKeys);
