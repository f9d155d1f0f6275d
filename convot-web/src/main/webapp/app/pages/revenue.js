/*
 * Revenue from the Shopify Partner sync: total MRR, shops by churn risk, and the shops themselves,
 * filtered as the shops endpoint allows (app, churn risk, installed, domain) with the filters in
 * the URL (`#/revenue?churn_risk=high`). For owners and members granted revenue access; anyone
 * else reaching it by URL gets a notice and no request is made.
 *
 * The churn-risk chart is three bars drawn as SVG rectangles: three counts need no axes or
 * zooming, so a chart library would only add weight, and the counts are text beside the bars.
 */
import { View, html, nothing, stylesheet, time, money, formError, go } from '../view.js';
import { api, pages, query } from '../api.js';
import { session } from '../session.js';
import { contactName } from '../components/contact-display.js';
import { RISK_LEVELS, riskLabel, riskBadge, reasons } from '../components/churn-risk.js';
import { loadApps, appName, appOptions } from '../components/app-names.js';

stylesheet(import.meta.url);

const FILTERS = ['app_id', 'churn_risk', 'installed', 'myshopify_domain'];
const PAGE_SIZE = 25;
const LOOKUPS_AT_ONCE = 4;

class Revenue extends View {
  static properties = {
    query: { attribute: false },
    summary: { state: true },
    apps: { state: true },
    shops: { state: true },
    more: { state: true },
    loading: { state: true },
    error: { state: true },
    refused: { state: true },
    linked: { state: true },
  };

  constructor() {
    super();
    this.shops = [];
    this.linked = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    this.shown = null;
    this.summary = null;
    this.refused = false;
    this.linked = new Map();
  }

  get filters() {
    const q = this.query || new URLSearchParams();
    return Object.fromEntries(FILTERS.map((key) => [key, q.get(key) || '']));
  }

  willUpdate(changed) {
    if (!changed.has('query') || !session.revenueAccess) return;
    const filters = this.filters;
    const key = JSON.stringify(filters);
    if (!this.summary) this.loadSummary();
    if (key === this.shown) return;
    this.shown = key;
    this.list = pages('/integrations/shopify/shops', filters, PAGE_SIZE);
    this.shops = [];
    this.loadMore();
  }

  async loadSummary() {
    this.summary = { loading: true };
    loadApps().then((apps) => { this.apps = apps; }, () => { this.apps = new Map(); });
    try {
      this.summary = await api.get('/revenue/summary');
    } catch (err) {
      this.summary = { error: err };
      if (err.status === 403) this.refused = true;
    }
  }

  async loadMore() {
    const list = this.list;
    this.loading = true;
    this.error = null;
    try {
      const found = await list.next();
      if (list !== this.list) return;
      this.shops = [...this.shops, ...found];
      this.more = !list.done;
      this.findContacts(found);
    } catch (err) {
      if (list !== this.list) return;
      this.error = err;
      if (err.status === 403) this.refused = true;
    } finally {
      if (list === this.list) this.loading = false;
    }
  }

  /**
   * Which contacts name each shop in their session data (the contacts' `shop` filter), a few
   * requests at a time: one contact links to its page, several to the contacts of that shop.
   */
  async findContacts(shops) {
    const queue = shops.map((s) => [s.app_id, s.myshopify_domain])
      .filter(([app, domain]) => !this.linked.has(`${app} ${domain}`));
    queue.forEach(([app, domain]) => this.linked.set(`${app} ${domain}`, { loading: true }));
    const worker = async () => {
      while (queue.length) {
        const [app, domain] = queue.shift();
        let found;
        try {
          found = (await api.get('/contacts', { shop: domain, app_id: app, limit: 2 })).data || [];
        } catch {
          found = null;
        }
        this.linked = new Map(this.linked).set(`${app} ${domain}`, { contacts: found });
      }
    };
    await Promise.all(Array.from({ length: LOOKUPS_AT_ONCE }, worker));
  }

  filter(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    go(`/revenue${query(Object.fromEntries(FILTERS.map((key) => [key, (form.get(key) || '').trim()])))}`);
  }

  render() {
    if (!session.revenueAccess || this.refused) {
      return html`<div class="revenue-page">
        <h1>Revenue</h1>
        <div class="panel no-access">
          <p><strong>Revenue is for owners and for members an owner has given revenue access.</strong></p>
          <p>Ask an owner of ${session.organization ? session.organization.name : 'your organization'} to turn on
            “Revenue access” for you under Settings, Team. Plans and churn risk still show on each contact's page.</p>
        </div>
      </div>`;
    }
    return html`
      <div class="revenue-page">
        <header class="page-head">
          <h1>Revenue</h1>
          <p class="muted">${this.summary && this.summary.last_sync_at
            ? html`From the Shopify Partner API, last synced ${time(this.summary.last_sync_at)}.`
            : 'From the Shopify Partner API.'}</p>
        </header>
        ${this.overview()}
        ${this.shopsPanel()}
      </div>`;
  }

  overview() {
    const s = this.summary;
    if (!s || s.loading) return html`<p class="muted" role="status">Loading the figures…</p>`;
    if (s.error) return formError(s.error);
    if (!s.shops) {
      return html`<div class="panel empty">No shops yet. Connect the Shopify Partner API under
        <a href="#/settings/shopify">Settings, Shopify</a>; shops appear after the first sync.</div>`;
    }
    const sum = (field) => s.totals.map((t) => money(t[field], t.currency)).join(' + ') || money(0);
    return html`
      <div class="stats">
        ${this.stat('revenue-mrr', 'Total MRR', sum('mrr'), 'Monthly recurring revenue, net of Shopify\'s share')}
        ${this.stat('revenue-lifetime', 'Lifetime revenue', sum('lifetime_revenue'), 'Net of Shopify\'s share and refunds')}
        ${this.stat('revenue-at-risk', 'MRR at high risk', sum('mrr_at_risk'), 'Of shops whose churn risk is high')}
        ${this.stat('revenue-shops', 'Shops', `${s.installed} installed`, `${s.uninstalled} uninstalled, ${s.shops} in all`)}
      </div>
      <div class="revenue-grid">
        ${this.riskChart(s)}
        ${this.atRisk(s)}
      </div>`;
  }

  stat(id, label, value, note) {
    return html`<div class="stat panel" role="group" aria-labelledby=${id}>
      <p class="label" id=${id}>${label}</p>
      <p class="value">${value}</p>
      <p class="note">${note}</p>
    </div>`;
  }

  riskChart(s) {
    const most = Math.max(1, ...RISK_LEVELS.map((level) => s.churn_risk[level] || 0));
    return html`
      <section class="panel" aria-labelledby="revenue-risk-title">
        <h2 id="revenue-risk-title">Shops by churn risk</h2>
        <ul class="risk-bars" aria-labelledby="revenue-risk-title">
          ${RISK_LEVELS.map((level) => {
            const count = s.churn_risk[level] || 0;
            return html`<li class=${level}>
              <a href="#/revenue${query({ churn_risk: level })}">
                <span class="risk-name">${riskLabel(level)} risk</span>
                <svg class="risk-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect class="track" width="100" height="10"></rect>
                  <rect class="fill" width=${(100 * count) / most} height="10"></rect>
                </svg>
                <span class="risk-count">${count} shop${count === 1 ? '' : 's'}</span>
              </a>
            </li>`;
          })}
        </ul>
      </section>`;
  }

  atRisk(s) {
    return html`
      <section class="panel" aria-labelledby="revenue-watch-title">
        <h2 id="revenue-watch-title">Shops to watch</h2>
        ${s.at_risk.length ? html`<ul class="watch">${s.at_risk.map((shop) => html`<li>
            <a href="#/revenue${query({ myshopify_domain: shop.myshopify_domain, app_id: shop.app_id })}">
              ${shop.name || shop.myshopify_domain}</a>
            ${riskBadge(shop.churn_risk)}
            <span class="amount">${money(shop.mrr, shop.currency)}/mo</span>
          </li>`)}</ul>`
          : html`<p class="muted">No shop is at risk.</p>`}
      </section>`;
  }

  shopsPanel() {
    const f = this.filters;
    const filtered = FILTERS.some((key) => f[key]);
    return html`
      <section class="panel shops" aria-labelledby="revenue-shops-title">
        <h2 id="revenue-shops-title">Shops</h2>
        <form class="shop-filters" @submit=${this.filter} aria-label="Filter shops">
          <div class="field"><label for="revenue-app">App</label>
            <select id="revenue-app" name="app_id">
              ${appOptions(this.apps, f.app_id)}
            </select></div>
          <div class="field"><label for="revenue-risk">Churn risk</label>
            <select id="revenue-risk" name="churn_risk">
              <option value="" ?selected=${!f.churn_risk}>Any risk</option>
              ${RISK_LEVELS.map((level) => html`<option value=${level} ?selected=${level === f.churn_risk}>
                ${riskLabel(level)}</option>`)}
            </select></div>
          <div class="field"><label for="revenue-installed">Status</label>
            <select id="revenue-installed" name="installed">
              <option value="" ?selected=${!f.installed}>Installed or not</option>
              <option value="true" ?selected=${f.installed === 'true'}>Installed</option>
              <option value="false" ?selected=${f.installed === 'false'}>Uninstalled</option>
            </select></div>
          <div class="field grow"><label for="revenue-domain">Shop domain</label>
            <input id="revenue-domain" name="myshopify_domain" type="search" placeholder="acme.myshopify.com"
              autocomplete="off" .value=${f.myshopify_domain}></div>
          <div class="field go">
            <button type="submit" class="primary">Filter</button>
            ${filtered ? html`<a class="button" href="#/revenue">Clear</a>` : nothing}
          </div>
        </form>
        ${formError(this.error)}
        <p class="shops-count" role="status">${this.count(filtered)}</p>
        ${this.shops.length ? this.table() : nothing}
        ${this.more ? html`<p class="load-more"><button type="button" ?disabled=${this.loading} @click=${() => this.loadMore()}>
          ${this.loading ? 'Loading…' : 'Load more shops'}</button></p>` : nothing}
      </section>`;
  }

  count(filtered) {
    const n = this.shops.length;
    if (this.loading && !n) return 'Loading shops…';
    return `${n} shop${n === 1 ? '' : 's'}${this.more ? ' so far' : ''}${filtered ? ' matching the filters' : ''}`;
  }

  table() {
    return html`
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Shops</caption>
          <thead><tr>
            <th scope="col">Shop</th><th scope="col">App</th><th scope="col">Plan</th>
            <th scope="col" class="num">MRR</th><th scope="col" class="num">Lifetime</th>
            <th scope="col">Churn risk</th><th scope="col">Contact</th>
          </tr></thead>
          <tbody>${this.shops.map((shop) => this.row(shop))}</tbody>
        </table>
      </div>`;
  }

  row(shop) {
    return html`<tr>
      <th scope="row"><span class="shop-name">${shop.name || shop.myshopify_domain}</span>
        <span class="sub">${shop.myshopify_domain}</span>
        ${shop.installed ? nothing
          : html`<span class="sub uninstalled">Uninstalled${shop.uninstall_reason ? `: ${shop.uninstall_reason}` : ''}</span>`}</th>
      <td>${appName(this.apps, shop.app_id)}</td>
      <td>${shop.plan || html`<span class="muted">None</span>`}</td>
      <td class="num">${money(shop.mrr, shop.currency)}</td>
      <td class="num">${money(shop.lifetime_revenue, shop.currency)}</td>
      <td>${riskBadge(shop.churn_risk)}${reasons(shop.churn_reasons)}</td>
      <td>${this.contactCell(shop)}</td>
    </tr>`;
  }

  contactCell(shop) {
    const found = this.linked.get(`${shop.app_id} ${shop.myshopify_domain}`);
    if (!found || found.loading) return html`<span class="muted">…</span>`;
    if (!found.contacts) return html`<span class="muted">Could not look up</span>`;
    if (!found.contacts.length) return html`<span class="muted">None linked</span>`;
    const [first] = found.contacts;
    if (found.contacts.length === 1) return html`<a href="#/contacts/${first.id}">${contactName(first)}</a>`;
    return html`<a href="#/contacts${query({ shop: shop.myshopify_domain, app_id: shop.app_id })}">Several contacts</a>`;
  }
}

customElements.define('cv-revenue', Revenue);
