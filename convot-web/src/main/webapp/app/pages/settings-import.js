/*
 * Settings › Import: moves a team's history from Crisp. Start an import (an app, the Crisp website
 * and a plugin token pair, which Convot checks with Crisp before keeping it for the import's
 * duration), follow it (progress bar, counts, why it is paused and when it resumes), cancel it, and
 * see every import so far. Owners and admins only, as the API.
 */
import { View, html, nothing, stylesheet, fieldError, time } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';

stylesheet(import.meta.url);

const REFUSALS = {
  token_invalid: 'Crisp refused this token pair for this website: check the website ID, the identifier and the key.',
  source_unavailable: 'Crisp could not be reached to check the token, so nothing was saved. Try again in a moment.',
  conflict: 'An import of this website into this app is still going: wait for it to end, or cancel it below.',
};
const STATUS = {
  queued: ['Queued', ''],
  running: ['Running', 'ok'],
  paused: ['Paused', 'warn'],
  completed: ['Completed', 'ok'],
  failed: ['Failed', 'bad'],
};
const WATCH_EVERY_MS = 1500;
const STARTED = 'Crisp accepted the token. The import is running: follow it below.';
const number = new Intl.NumberFormat();
const resumeToday = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const resumeLater = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "1 message", "2,000 messages". */
function count(n, noun) {
  return `${number.format(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** When a pause ends, to the second (pauses are often seconds long). */
function resumeTime(iso) {
  const d = new Date(iso);
  return (d.toDateString() === new Date().toDateString() ? resumeToday : resumeLater).format(d);
}

class SettingsImport extends View {
  static properties = {
    params: { attribute: false },
    apps: { state: true },
    imports: { state: true },
    loaded: { state: true },
    error: { state: true },
    listError: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('params') && session.isAdmin) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.watchTimer);
  }

  async load() {
    try {
      const apps = [];
      const list = pages('/apps', {}, 200);
      while (!list.done) apps.push(...await list.next());
      this.apps = apps;
      await this.refresh();
    } catch (err) {
      this.listError = err;
    }
    this.loaded = true;
  }

  /** Reads the imports again, and keeps doing so while one has not ended. */
  async refresh() {
    clearTimeout(this.watchTimer);
    try {
      this.imports = (await api.get('/imports', { limit: 50 })).data;
      this.listError = null;
    } catch (err) {
      this.listError = err;
      return;
    }
    if (this.imports.some((i) => ['queued', 'running', 'paused'].includes(i.status))) {
      if (this.isConnected) this.watchTimer = setTimeout(() => this.refresh(), WATCH_EVERY_MS);
    } else if (this.message === STARTED) {
      this.message = null; // the list says how it ended
    }
  }

  async start(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.busy = 'start';
    this.error = null;
    this.message = null;
    try {
      await api.post('/imports', {
        source: 'crisp',
        app_id: form.get('app_id'),
        website_id: form.get('website_id').trim(),
        identifier: form.get('identifier').trim(),
        key: form.get('key').trim(),
      });
      e.target.reset();
      this.message = STARTED;
      await this.refresh();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = null;
    }
  }

  async cancel(i) {
    const yes = await confirmAction({
      title: 'Cancel this import?',
      message: 'Convot stops importing and deletes the Crisp token. What was imported so far stays; importing again later adds only what is missing.',
      confirmLabel: 'Cancel import',
    });
    if (!yes) return;
    this.busy = i.id;
    try {
      await api.post(`/imports/${i.id}/cancel`);
      this.message = 'The import was cancelled.';
      await this.refresh();
    } catch (err) {
      this.listError = err;
    } finally {
      this.busy = null;
    }
  }

  render() {
    const head = html`
      <header class="page-head">
        <h1>Import</h1>
        <p class="muted">Bring your contacts, conversations and messages over from Crisp. Convot imports them in the
          background with their original times, so reports and contact histories carry on where Crisp left off.
          Importing again later adds only what is new.</p>
      </header>`;
    if (!session.isAdmin) {
      return html`<div class="import">${head}
        <p class="notice">Only owners and admins import history. Ask one of them to start an import.</p></div>`;
    }
    if (!this.loaded) return html`<div class="import">${head}<p class="muted">Loading…</p></div>`;
    return html`
      <div class="import">
        ${head}
        <p role="status" class="page-message">${this.message || ''}</p>
        ${this.startForm()}
        ${this.history()}
      </div>`;
  }

  startForm() {
    if (!this.apps || this.apps.length === 0) {
      return html`<p class="notice">Create an app first (<a href="#/settings/apps">Apps</a>): imported conversations belong to one.</p>`;
    }
    const refusal = this.error && REFUSALS[this.error.code];
    const formLevel = this.error && !(this.error.problem && (this.error.problem.errors || []).length);
    return html`
      <section class="panel start" aria-labelledby="import-start-title">
        <h2 id="import-start-title">Import from Crisp</h2>
        <ol class="steps">
          <li>In the <a href="https://marketplace.crisp.chat/" rel="noopener noreferrer" target="_blank">Crisp Marketplace</a>, create a
            private plugin with a production token allowed to read people, conversations and messages, and install it on your website.</li>
          <li>Paste the token's identifier and key below with your website ID (in your Crisp dashboard's address:
            <code>app.crisp.chat/website/<var>website id</var>/</code>).</li>
        </ol>
        <form @submit=${this.start} novalidate>
          <label for="import-app">Into app</label>
          <select id="import-app" name="app_id" aria-describedby="import-app-error">
            ${this.apps.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
          </select>
          ${fieldError(this.error, 'app_id', 'import-app-error')}
          <label for="import-website">Crisp website ID</label>
          <input id="import-website" name="website_id" type="text" autocomplete="off" spellcheck="false" required
            aria-describedby="import-website-error">
          ${fieldError(this.error, 'website_id', 'import-website-error')}
          <label for="import-identifier">Token identifier</label>
          <input id="import-identifier" name="identifier" type="text" autocomplete="off" spellcheck="false" required
            aria-describedby="import-identifier-error">
          ${fieldError(this.error, 'identifier', 'import-identifier-error')}
          <label for="import-key">Token key</label>
          <input id="import-key" name="key" type="password" autocomplete="off" required
            aria-invalid=${this.error && this.error.code === 'token_invalid' ? 'true' : 'false'}
            aria-describedby="import-key-hint import-key-error import-start-error">
          <p class="hint" id="import-key-hint">Convot checks it with Crisp first, keeps it encrypted while the import runs and
            deletes it when the import ends. It is never shown again.</p>
          ${fieldError(this.error, 'key', 'import-key-error')}
          ${formLevel ? html`<p class="form-error" role="alert" id="import-start-error">${refusal || this.error.message}</p>` : nothing}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy === 'start'}>
              ${this.busy === 'start' ? 'Checking with Crisp…' : 'Start import'}</button>
          </div>
        </form>
      </section>`;
  }

  history() {
    const imports = this.imports || [];
    return html`
      <section class="panel" aria-labelledby="import-history-title">
        <h2 id="import-history-title">Imports</h2>
        ${this.listError ? html`<p class="form-error" role="alert">${this.listError.message}</p>` : nothing}
        ${imports.length === 0
          ? html`<p class="muted">No import yet.</p>`
          : html`<ul class="imports" aria-label="Import history">${imports.map((i) => this.entry(i))}</ul>`}
      </section>`;
  }

  entry(i) {
    const [label, tone] = STATUS[i.status] || [i.status, ''];
    const app = (this.apps || []).find((a) => a.id === i.app_id);
    const active = ['queued', 'running', 'paused'].includes(i.status);
    const p = i.progress;
    const counts = `${count(p.contacts, 'contact')}, ${count(p.conversations, 'conversation')}, ${count(p.messages, 'message')}`;
    return html`
      <li class="import-entry" aria-label=${`Import of ${i.website_id} into ${app ? app.name : 'a deleted app'}`}>
        <div class="entry-head">
          <span class="entry-title">Crisp <code>${i.website_id}</code> into ${app ? app.name : 'a deleted app'}</span>
          <span class=${`badge ${tone}`}>${label}</span>
        </div>
        ${this.bar(i, counts)}
        <p class="counts">${counts} <span class="muted">· ${count(p.pages_done, 'page')}</span></p>
        ${i.status === 'paused' ? html`<p class="paused" role="status">Paused: Crisp is limiting how fast the import may read.
          It resumes by itself at <time datetime=${i.resumes_at}>${resumeTime(i.resumes_at)}</time>.</p>` : nothing}
        ${i.status === 'failed' && i.error ? html`<div class="last-error"><h3>Why it stopped</h3><p>${i.error}</p></div>` : nothing}
        <p class="muted when">Started ${time(i.created_at)}${i.finished_at ? html`, ended ${time(i.finished_at)}` : nothing}</p>
        ${active ? html`<div class="actions"><button type="button" class="danger" @click=${() => this.cancel(i)}
          ?disabled=${this.busy === i.id}>Cancel import</button></div>` : nothing}
      </li>`;
  }

  /**
   * Crisp says how many pages there are only once the last one is read, so a running import's bar
   * moves without an end (the counts say how far it got) and fills when it completes.
   */
  bar(i, counts) {
    if (i.status === 'failed') return nothing;
    const total = i.progress.pages_total;
    const done = i.status === 'completed';
    const value = done ? (total || 1) : (total ? i.progress.pages_done : nothing);
    return html`<progress class="bar" aria-label="Import progress" aria-valuetext=${done ? `Completed: ${counts}` : `In progress: ${counts}`}
      max=${total || 1} value=${value}></progress>`;
  }
}
customElements.define('cv-settings-import', SettingsImport);
