import { View, html, nothing, stylesheet, go } from '../view.js';
import { keyed } from 'lit/directives/keyed.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';
import './settings-apps-detail.js';

stylesheet(import.meta.url);

const DEFAULT_ORIGINS = 'https://*.myshopify.com';

/** The app's theme color as a dot: an SVG fill, since the dashboard's policy allows no inline style. */
const swatch = (color) => html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><circle cx="5" cy="5" r="4.5" fill=${color || '#2563eb'}></circle></svg>`;

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/**
 * Settings → Apps (`#/settings/apps/:app?`): the organization's apps beside the chosen one's
 * settings, and creating an app. Without an app in the route the first one is shown. Deleted apps
 * wait out their grace period in a list of their own, each with when it goes and a Restore button.
 */
class SettingsApps extends View {
  static properties = {
    params: { attribute: false },
    apps: { state: true },
    deletedApps: { state: true },
    restoreError: { state: true },
    loadError: { state: true },
    creating: { state: true },
    createError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.loadError = null;
    try {
      const all = [];
      const list = pages('/apps', {}, 200);
      while (!list.done) all.push(...await list.next());
      this.apps = all.filter((a) => !a.deleted_at);
      this.deletedApps = all.filter((a) => a.deleted_at);
    } catch (err) {
      this.loadError = err;
    }
  }

  willUpdate() {
    const first = this.apps && this.apps[0];
    if (first && this.isConnected && !(this.params && this.params.app) && !this.creating) {
      location.replace(`#/settings/apps/${first.id}`); // the list's first app, without a history entry of its own
    }
  }

  get selected() {
    const id = this.params && this.params.app;
    return id && this.apps ? this.apps.find((a) => a.id === id) : null;
  }

  startCreating() {
    this.creating = true;
    this.createError = null;
    this.status = '';
    this.updateComplete.then(() => this.querySelector('#new-app-name').focus());
  }

  async create(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const origins = String(form.get('allowed_origins')).split('\n').map((o) => o.trim()).filter(Boolean);
    this.busy = true;
    this.createError = null;
    this.sentOrigins = origins;
    try {
      const app = await api.post('/apps', { name: form.get('name'), allowed_origins: origins });
      this.apps = [...this.apps, app];
      this.creating = false;
      this.status = `“${app.name}” was created. Paste its snippet into your app's pages to show the chat widget.`;
      go(`/settings/apps/${app.id}`);
    } catch (err) {
      this.createError = err;
      focusInvalid(this, this.querySelector('form.new-app'));
    } finally {
      this.busy = false;
    }
  }

  changed(app) {
    this.apps = this.apps.map((a) => (a.id === app.id ? app : a));
  }

  async deleted(app) {
    this.apps = this.apps.filter((a) => a.id !== app.id);
    let gone = app;
    try {
      gone = await api.get(`/apps/${app.id}`);
    } catch {
      // already removed: nothing to restore
    }
    if (gone.purge_after) this.deletedApps = [...this.deletedApps, gone];
    this.status = gone.purge_after
      ? `“${app.name}” was deleted. You can restore it until ${DATE.format(new Date(gone.purge_after))}.`
      : `“${app.name}” was deleted.`;
    go('/settings/apps');
  }

  async restore(app) {
    this.busy = true;
    this.restoreError = null;
    try {
      const restored = await api.post(`/apps/${app.id}/restore`);
      this.deletedApps = this.deletedApps.filter((a) => a.id !== app.id);
      this.apps = [...this.apps, restored];
      this.status = `“${app.name}” was restored. Its widget works again.`;
      go(`/settings/apps/${app.id}`);
    } catch (err) {
      this.restoreError = err;
    } finally {
      this.busy = false;
    }
  }

  deletedList() {
    if (!this.deletedApps || !this.deletedApps.length) return nothing;
    return html`<section class="panel deleted-apps" aria-labelledby="deleted-apps-title">
      <h2 id="deleted-apps-title">Deleted apps</h2>
      <p>Their widgets show nothing. Each is removed for good, with its contacts and conversations, at the date shown.</p>
      <ul>
        ${this.deletedApps.map((app) => html`<li>
          <span class="name">${app.name}</span>
          <span class="muted">removed on ${DATE.format(new Date(app.purge_after))}</span>
          ${session.isAdmin ? html`<button type="button" aria-label=${`Restore ${app.name}`} ?disabled=${this.busy}
            @click=${() => this.restore(app)}>Restore</button>` : nothing}
        </li>`)}
      </ul>
      ${formProblem(this.restoreError)}
    </section>`;
  }

  render() {
    return html`
      <div class="settings-page apps-page">
        <header>
          <h1>Apps</h1>
          <p>Each Shopify app you build gets its own chat widget, identity secret and office hours.</p>
        </header>
        ${statusLine(this.status)}
        ${this.loadError ? formProblem(this.loadError) : nothing}
        ${this.apps ? this.layout() : html`<p class="muted">Loading apps…</p>`}
        ${this.apps ? this.deletedList() : nothing}
      </div>`;
  }

  layout() {
    if (!this.apps.length && !this.creating) return this.params && this.params.app ? this.detail() : this.empty();
    return html`
      <div class="apps-layout">
        <div class="apps-list">
          <h2 id="apps-list-title" class="visually-hidden">Your apps</h2>
          <ul aria-labelledby="apps-list-title">
            ${this.apps.map((app) => html`<li><a href=${`#/settings/apps/${app.id}`} @click=${() => { this.status = ''; this.creating = false; }}
              aria-current=${!this.creating && this.selected === app ? 'page' : 'false'}>
              ${swatch(app.theme_color)}${app.name}</a></li>`)}
          </ul>
          ${session.isAdmin ? html`<button type="button" class="new-app-button" @click=${this.startCreating}
            ?disabled=${this.creating}>New app</button>` : nothing}
        </div>
        <div class="apps-main">${this.creating ? this.createForm() : this.detail()}</div>
      </div>`;
  }

  detail() {
    const app = this.selected;
    if (!app) {
      return this.params && this.params.app
        ? html`<p class="panel">This app does not exist or was deleted. <a href="#/settings/apps">See your apps</a>.</p>`
        : nothing;
    }
    return keyed(app.id, html`<cv-app-settings .app=${app} .canEdit=${session.isAdmin}
      @app-changed=${(e) => this.changed(e.detail)} @app-deleted=${(e) => this.deleted(e.detail)}
      @status=${(e) => { this.status = e.detail; }}></cv-app-settings>`);
  }

  empty() {
    return html`<section class="panel apps-empty" aria-labelledby="apps-empty-title">
      <h2 id="apps-empty-title">Add your first app</h2>
      <p>An app is one Shopify app of yours: it gets a snippet to paste, and its visitors' chats reach your inbox.</p>
      ${session.isAdmin
        ? html`<button type="button" class="primary" @click=${this.startCreating}>New app</button>`
        : html`<p class="read-only-notice">Only owners and admins can add apps.</p>`}
    </section>`;
  }

  createForm() {
    const error = this.createError;
    return html`
      <section class="panel" aria-labelledby="new-app-title">
        <h2 id="new-app-title">New app</h2>
        <form class="new-app" @submit=${this.create} novalidate>
          <label for="new-app-name">App name</label>
          <input id="new-app-name" name="name" type="text" required maxlength="100" autocomplete="off"
            aria-invalid=${invalid(error, 'name')} aria-describedby="new-app-name-error">
          ${fieldMessage(error, 'name', 'new-app-name-error')}
          <label for="new-app-origins">Allowed origins</label>
          <textarea id="new-app-origins" name="allowed_origins" rows="3" spellcheck="false"
            aria-invalid=${invalid(error, 'allowed_origins')} aria-describedby="new-app-origins-hint new-app-origins-error"
            .value=${DEFAULT_ORIGINS}></textarea>
          <p class="hint" id="new-app-origins-hint">One per line: the pages allowed to embed the widget. The default allows every
            Shopify store admin; add your app's own domains (https://app.example.com).</p>
          ${this.originErrors(error)}
          ${formProblem(error, ['name', 'allowed_origins'])}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>Create app</button>
            ${this.apps.length ? html`<button type="button" @click=${() => { this.creating = false; }}>Cancel</button>` : nothing}
          </div>
        </form>
      </section>`;
  }

  /** `allowed_origins[i]` errors name the line: the API counts what was sent, the empty lines left out. */
  originErrors(error) {
    const errors = ((error && error.problem && error.problem.errors) || []).filter((e) => e.field.startsWith('allowed_origins'));
    if (!errors.length) return nothing;
    return html`<div class="field-error" id="new-app-origins-error">${errors.map((e) => {
      const index = /\[(\d+)\]$/.exec(e.field);
      return html`<p>${index ? `“${this.sentOrigins[Number(index[1])]}”: ` : ''}${e.message}</p>`;
    })}</div>`;
  }
}
customElements.define('cv-settings-apps', SettingsApps);
