/*
 * Settings › Shopify: connects the Shopify Partner API (Partner organization id and a Partner API
 * client's token, checked by Convot before it is stored), shows how the sync is doing, runs Sync
 * now and disconnects. Owners and admins only; connecting needs revenue access too, as the API.
 */
import { View, html, nothing, stylesheet, fieldError, fullTime, time } from '../view.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';

stylesheet(import.meta.url);

/** The API's refusals of a token, in the words the product gives them. */
const CONNECT_REFUSALS = {
  token_invalid: 'Token is invalid or expired',
  missing_scope: 'Missing scope - View financials',
  partner_api_unavailable: 'The Shopify Partner API could not be reached to check the token, so nothing was saved. Try again in a moment.',
  missing_permission: 'Connecting Shopify needs revenue access: ask an owner to connect it, or to give you revenue access.',
};
const WATCH_EVERY_MS = 1000;
const WATCH_FOR_MS = 60000;

class SettingsShopify extends View {
  static properties = {
    params: { attribute: false },
    integration: { state: true },
    loaded: { state: true },
    connecting: { state: true },
    watching: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('params') && session.isAdmin) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.watchTimer);
    this.watching = false;
  }

  async load() {
    try {
      this.integration = await api.get('/integrations/shopify');
      this.error = null;
    } catch (err) {
      if (err.status === 404) this.integration = null;
      else this.error = err;
    }
    this.loaded = true;
  }

  async connect(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.busy = 'connect';
    this.error = null;
    this.message = null;
    try {
      this.integration = await api.put('/integrations/shopify', {
        partner_organization_id: form.get('partner_organization_id').trim(),
        access_token: form.get('access_token').trim(),
      });
      this.connecting = false;
      this.message = 'Connected. The first sync is running.';
      this.watchRun();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = null;
    }
  }

  async syncNow() {
    this.busy = 'sync';
    this.error = null;
    this.message = null;
    try {
      this.integration = await api.post('/integrations/shopify/sync');
      this.watchRun();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = null;
    }
  }

  async disconnect() {
    const yes = await confirmAction({
      title: 'Disconnect Shopify?',
      message: 'Convot deletes the token and stops syncing. The shops and revenue it learned so far stay; connect again to resume.',
      confirmLabel: 'Disconnect',
    });
    if (!yes) return;
    this.busy = 'disconnect';
    this.error = null;
    try {
      await api.del('/integrations/shopify');
      clearTimeout(this.watchTimer);
      this.watching = false;
      this.message = 'Disconnected: the token was deleted.';
      await this.load();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = null;
    }
  }

  /** Reads the status every second until the queued run has finished (or a minute has passed). */
  watchRun() {
    clearTimeout(this.watchTimer);
    const before = this.integration.last_run_at;
    const until = Date.now() + WATCH_FOR_MS;
    this.watching = true;
    const check = async () => {
      try {
        const now = await api.get('/integrations/shopify');
        this.integration = now;
        if (now.last_run_at !== before && !now.syncing) {
          this.watching = false;
          this.message = now.last_sync_at === now.last_run_at ? `Synced ${fullTime(now.last_sync_at)}.` : 'The sync run failed: see the last error.';
          return;
        }
      } catch (err) {
        this.error = err;
        this.watching = false;
        return;
      }
      if (Date.now() < until) this.watchTimer = setTimeout(check, WATCH_EVERY_MS);
      else this.watching = false;
    };
    this.watchTimer = setTimeout(check, WATCH_EVERY_MS);
  }

  render() {
    const head = html`
      <header class="page-head">
        <h1>Shopify</h1>
        <p class="muted">Convot reads your apps' installs, charges and earnings from the Shopify Partner API, so agents see
          each shop's plan and churn risk beside the conversation, and the Revenue page adds it up.</p>
      </header>`;
    if (!session.isAdmin) {
      return html`<div class="shopify">${head}
        <p class="notice">Only owners and admins manage the Shopify integration. Ask one of them to connect it.</p></div>`;
    }
    if (!this.loaded) return html`<div class="shopify">${head}<p class="muted">Loading…</p></div>`;
    const i = this.integration;
    const showForm = !i || i.status === 'disconnected' || this.connecting;
    return html`
      <div class="shopify">
        ${head}
        <p role="status" class="page-message">${this.message || ''}</p>
        ${i ? this.status(i) : nothing}
        ${showForm ? this.connectForm(i) : nothing}
        ${i && i.status !== 'disconnected' ? this.apps(i) : nothing}
      </div>`;
  }

  status(i) {
    const badge = {
      active: html`<span class="badge ok">Connected</span>`,
      error: html`<span class="badge bad">Sync stopped</span>`,
      disconnected: html`<span class="badge">Disconnected</span>`,
    }[i.status];
    const exhausted = i.status === 'error' && (i.last_error || '').startsWith('retries exhausted');
    return html`
      <section class="panel" aria-labelledby="shopify-status-title">
        <div class="status-head">
          <h2 id="shopify-status-title">Partner organization ${i.partner_organization_id}</h2>
          ${badge}
        </div>
        ${exhausted ? html`
          <p class="notice exhausted">Retries exhausted: Convot stopped syncing after ${i.consecutive_failures} failed runs in a row.
            Fix the cause below (often a revoked token: replace it), then press Sync now.</p>` : nothing}
        ${i.status === 'disconnected' ? html`<p class="hint">The token was deleted, so nothing syncs. The shops learned so far stay.
          Connect again below to resume.</p>` : nothing}
        <section aria-label="Sync status">
          <dl class="facts">
            <div><dt>Last sync</dt><dd>${i.last_sync_at ? time(i.last_sync_at) : 'Not yet'}${this.watching ? html` <span class="syncing">· syncing…</span>` : nothing}</dd></div>
            <div><dt>Last run</dt><dd>${i.last_run_at ? html`${time(i.last_run_at)}${i.last_run_api_calls != null ? html` <span class="muted">(${i.last_run_api_calls} API calls)</span>` : nothing}` : 'Not yet'}</dd></div>
            <div><dt>Next sync</dt><dd>${i.next_sync_at ? time(i.next_sync_at) : i.status === 'active' ? 'Queued' : '—'}</dd></div>
            <div><dt>Failed runs in a row</dt><dd>${i.consecutive_failures}</dd></div>
            <div><dt>Connected</dt><dd>${i.connected_at ? time(i.connected_at) : '—'}</dd></div>
          </dl>
          ${i.last_error ? html`<div class="last-error"><h3>Last error</h3><p>${i.last_error}</p></div>` : nothing}
        </section>
        ${this.error && !this.connecting && i.status !== 'disconnected' ? html`<p class="form-error" role="alert">${this.error.message}</p>` : nothing}
        ${i.status === 'disconnected' ? nothing : html`
          <div class="actions">
            <button type="button" class="primary" @click=${this.syncNow} ?disabled=${!!this.busy || this.watching}>Sync now</button>
            ${session.revenueAccess ? html`<button type="button" @click=${() => { this.connecting = !this.connecting; this.error = null; }}
              aria-expanded=${this.connecting ? 'true' : 'false'}>Replace token</button>` : nothing}
            <button type="button" class="danger" @click=${this.disconnect} ?disabled=${!!this.busy}>Disconnect</button>
          </div>`}
      </section>`;
  }

  connectForm(i) {
    if (!session.revenueAccess) {
      return html`<p class="notice">Connecting Shopify needs revenue access: ask an owner to connect it, or to give you revenue access.</p>`;
    }
    const refusal = this.error && CONNECT_REFUSALS[this.error.code];
    const tokenRefused = this.error && (this.error.code === 'token_invalid' || this.error.code === 'missing_scope');
    return html`
      <section class="panel connect" aria-labelledby="shopify-connect-title">
        <h2 id="shopify-connect-title">${i && i.status !== 'disconnected' ? 'Replace the token' : 'Connect the Shopify Partner API'}</h2>
        <ol class="steps">
          <li>In your Shopify Partner Dashboard, open <strong>Settings › Partner API clients</strong> and create a client with the
            <strong>Manage apps</strong> and <strong>View financials</strong> permissions.</li>
          <li>Paste its access token below with your Partner organization ID: the number in the Partner Dashboard's address
            (<code>partners.shopify.com/<var>1234567</var></code>).</li>
          <li>Set each app's Shopify app ID in <a href="#/settings/apps">Apps</a>: Convot syncs those apps.</li>
        </ol>
        <form @submit=${this.connect} novalidate>
          <label for="shopify-organization">Partner organization ID</label>
          <input id="shopify-organization" name="partner_organization_id" type="text" inputmode="numeric" autocomplete="off" required
            .value=${(i && i.partner_organization_id) || ''} aria-describedby="shopify-organization-error">
          ${fieldError(this.error, 'partner_organization_id', 'shopify-organization-error')}
          <label for="shopify-token">Access token</label>
          <input id="shopify-token" name="access_token" type="password" autocomplete="off" required
            aria-invalid=${tokenRefused ? 'true' : 'false'} aria-describedby="shopify-token-hint shopify-token-error shopify-connect-error">
          <p class="hint" id="shopify-token-hint">Convot checks it with Shopify before saving it, stores it encrypted and never shows it again.</p>
          ${fieldError(this.error, 'access_token', 'shopify-token-error')}
          ${this.error && !(this.error.problem.errors || []).length
            ? html`<p class="form-error" role="alert" id="shopify-connect-error">${refusal || this.error.message}</p>` : nothing}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy === 'connect'}>${this.busy === 'connect' ? 'Checking the token…' : 'Connect'}</button>
            ${this.connecting ? html`<button type="button" @click=${() => { this.connecting = false; this.error = null; }}>Cancel</button>` : nothing}
          </div>
        </form>
      </section>`;
  }

  apps(i) {
    return html`
      <section class="panel" aria-labelledby="shopify-apps-title">
        <h2 id="shopify-apps-title">Synced apps</h2>
        ${i.apps.length === 0
          ? html`<p class="muted">No app has a Shopify app ID yet, so nothing is synced. Set one in <a href="#/settings/apps">Apps</a>.</p>`
          : html`<ul class="synced-apps">${i.apps.map((app) => html`
              <li><span>${app.name}</span> <code>${app.shopify_app_id}</code></li>`)}</ul>`}
      </section>`;
  }
}
customElements.define('cv-settings-shopify', SettingsShopify);
