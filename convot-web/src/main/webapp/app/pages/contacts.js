/*
 * Contacts: the people who talk to the team, found by one filter at a time (email, external id,
 * segment or shop; the API's filters combine only with the app) and by app. The search lives in
 * the URL (`#/contacts?segment=vip`), so it can be bookmarked and reached from a segment badge or
 * from the revenue page.
 */
import { View, html, nothing, stylesheet, time, formError, go } from '../view.js';
import { pages, query } from '../api.js';
import { contactName, avatar, verifiedBadge } from '../components/contact-display.js';
import { loadApps, appName, appOptions } from '../components/app-names.js';

stylesheet(import.meta.url);

const FILTERS = [
  { key: 'email', label: 'Email', example: 'ann@example.com', hint: 'The whole address, in any case.' },
  { key: 'external_id', label: 'External ID', example: 'user_1234', hint: 'The id your app gives the user, exactly.' },
  { key: 'segment', label: 'Segment', example: 'vip', hint: 'One segment, in any case.' },
  { key: 'shop', label: 'Shop', example: 'acme.myshopify.com', hint: 'The shop\'s myshopify.com domain, from the session data.' },
];
const PAGE_SIZE = 50;

/** The filter a typed value plainly belongs to (an email, a shop domain), if any. */
function filterFor(term) {
  if (/^[^@\s]+@[^@\s]+$/.test(term)) return 'email';
  if (/\.myshopify\.com$/i.test(term)) return 'shop';
  return null;
}

class Contacts extends View {
  static properties = {
    query: { attribute: false },
    rows: { state: true },
    apps: { state: true },
    by: { state: true },
    loading: { state: true },
    more: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.rows = [];
    this.by = 'email';
    this.generation = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.shown = null; // a page shown again reads the list again
    loadApps().then((apps) => { this.apps = apps; }, () => { this.apps = new Map(); });
  }

  /** The search in the URL: `{by, term, app}`. */
  get search() {
    const q = this.query || new URLSearchParams();
    const filter = FILTERS.find((f) => q.get(f.key)) || FILTERS.find((f) => f.key === this.by);
    return { by: filter.key, term: q.get(filter.key) || '', app: q.get('app_id') || '' };
  }

  willUpdate(changed) {
    if (!changed.has('query')) return;
    const { by, term, app } = this.search;
    const key = JSON.stringify([by, term, app]);
    if (key === this.shown) return;
    this.shown = key;
    this.by = by;
    this.list = pages('/contacts', { [by]: term, app_id: app }, PAGE_SIZE);
    this.rows = [];
    this.loadMore(true);
  }

  async loadMore(first = false) {
    const generation = first ? ++this.generation : this.generation;
    this.loading = true;
    this.error = null;
    try {
      const found = await this.list.next();
      if (generation !== this.generation) return; // a newer search replaced this one
      this.rows = [...this.rows, ...found];
      this.more = !this.list.done;
    } catch (err) {
      if (generation === this.generation) this.error = err;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  submit(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const term = form.get('term').trim();
    go(`/contacts${query({ [form.get('by')]: term, app_id: form.get('app_id') })}`);
  }

  typed(e) {
    const picked = filterFor(e.target.value.trim());
    if (picked) this.by = picked;
  }

  render() {
    const { term, app } = this.search;
    const filter = FILTERS.find((f) => f.key === this.by);
    const termError = this.error && this.error.field && (this.error.field(this.by) || this.error.field('app_id'));
    return html`
      <div class="contacts-page">
        <header class="page-head">
          <h1>Contacts</h1>
          <p class="muted">Everyone who talked to your team through an app's chat widget, or whom your team wrote to.</p>
        </header>
        <form class="contacts-search" role="search" aria-label="Contacts" @submit=${this.submit}>
          <div class="field by">
            <label for="contacts-by">Search by</label>
            <select id="contacts-by" name="by" .value=${this.by} @change=${(e) => { this.by = e.target.value; }}>
              ${FILTERS.map((f) => html`<option value=${f.key} ?selected=${f.key === this.by}>${f.label}</option>`)}
            </select>
          </div>
          <div class="field term">
            <label for="contacts-term">${filter.label}</label>
            <input id="contacts-term" name="term" type="search" autocomplete="off" .value=${term}
              placeholder=${filter.example} @input=${this.typed}
              aria-invalid=${termError ? 'true' : 'false'} aria-describedby="contacts-term-hint contacts-term-error">
          </div>
          <div class="field app">
            <label for="contacts-app">App</label>
            <select id="contacts-app" name="app_id">
              ${appOptions(this.apps, app)}
            </select>
          </div>
          <div class="field go">
            <button type="submit" class="primary">Search</button>
            ${term || app ? html`<a class="button" href="#/contacts">Clear</a>` : nothing}
          </div>
          <p class="hint" id="contacts-term-hint">${filter.hint} An email or a shop domain picks its filter by itself.</p>
          ${termError ? html`<p class="field-error" id="contacts-term-error">${termError}</p>` : nothing}
        </form>
        ${termError ? nothing : formError(this.error)}
        ${this.results(term)}
      </div>`;
  }

  results(term) {
    const count = this.rows.length;
    const status = this.loading && !count ? 'Loading contacts…'
      : `${count} contact${count === 1 ? '' : 's'}${this.more ? ' so far' : ''}${term ? ` with ${this.describe(term)}` : ''}`;
    return html`
      <p class="contacts-count" role="status">${this.error ? '' : status}</p>
      ${count ? this.table() : this.empty(term)}
      ${this.more ? html`<p class="load-more"><button type="button" ?disabled=${this.loading} @click=${() => this.loadMore()}>
        ${this.loading ? 'Loading…' : 'Load more contacts'}</button></p>` : nothing}`;
  }

  describe(term) {
    const filter = FILTERS.find((f) => f.key === this.search.by);
    return `${filter.label.toLowerCase().replace('external id', 'external ID')} “${term}”`;
  }

  empty(term) {
    if (this.loading || this.error) return nothing;
    return html`<p class="empty panel">${term
      ? 'No contact matches. Check the spelling: searches match the whole value.'
      : 'No contacts yet. They appear when visitors start a chat in an app\'s widget.'}</p>`;
  }

  table() {
    return html`
      <div class="table-wrap">
        <table class="contacts-table">
          <caption class="visually-hidden">Contacts</caption>
          <thead><tr><th scope="col">Contact</th><th scope="col">App</th><th scope="col">Segments</th>
            <th scope="col">Updated</th></tr></thead>
          <tbody>${this.rows.map((c) => this.row(c))}</tbody>
        </table>
      </div>`;
  }

  /** The name first; under it what else identifies the person (the email unless it is the name, the external id). */
  row(c) {
    const name = contactName(c);
    const identity = [c.email !== name ? c.email : null, c.external_id !== name ? c.external_id : null].filter(Boolean);
    return html`<tr>
      <th scope="row"><div class="who">
        ${avatar(c)}
        <div class="names">
          <a href="#/contacts/${c.id}">${name}</a>
          ${identity.length ? html`<span class="sub">${identity.join(' · ')} ${verifiedBadge(c)}</span>` : verifiedBadge(c)}
        </div>
      </div></th>
      <td>${appName(this.apps, c.app_id)}</td>
      <td><div class="segments">${c.segments.map((s) => html`<a class="badge segment" href="#/contacts${query({ segment: s })}"
        aria-label="Segment ${s}">${s}</a>`)}</div></td>
      <td class="updated">${time(c.updated_at)}</td>
    </tr>`;
  }
}

customElements.define('cv-contacts', Contacts);
