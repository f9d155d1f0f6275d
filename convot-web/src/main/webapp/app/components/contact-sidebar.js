/*
 * The open conversation's contact: who they are, session data, segments, latest timeline events,
 * their other conversations and, for a contact linked to a Shopify shop, the shop's plan and churn
 * risk (and its revenue, which the API includes only for members with revenue access).
 */
import { View, html, nothing, stylesheet, time, money } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { contactName, initials } from './contact-names.js';

stylesheet(import.meta.url);

const EVENTS_SHOWN = 5;
const EVENT_PAGES_READ = 5; // events page oldest first: the latest are on the last page
const COLORS = new Set(['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'grey', 'black']);
const RISK = { low: 'ok', medium: 'warn', high: 'bad' };
const REASONS = {
  uninstalled: 'Uninstalled the app',
  shop_deactivated: 'Shop deactivated',
  charge_frozen: 'Charge frozen',
  charge_declined: 'Charge declined',
  charge_cancelled: 'Charge cancelled',
  charge_expired: 'Charge expired',
  recent_reinstall: 'Reinstalled recently',
  usage_dropping: 'Usage dropping',
};

/** A session data value as text: strings as they are, numbers and booleans as JSON writes them. */
const valueText = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

class ContactSidebar extends View {
  static properties = {
    contactId: { attribute: false },
    conversationId: { attribute: false },
    contact: { state: true },
    events: { state: true },
    conversations: { state: true },
    error: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('contactId')) this.load();
  }

  async load() {
    const id = this.contactId;
    this.contact = null;
    this.events = null;
    this.conversations = null;
    this.error = null;
    if (!id) return;
    try {
      const [contact, events, conversations] = await Promise.all([
        api.get(`/contacts/${id}`), this.latestEvents(id), api.get('/conversations', { contact_id: id, limit: 20 })]);
      if (id !== this.contactId) return;
      this.contact = contact;
      this.events = events;
      this.conversations = conversations.data;
    } catch (e) {
      if (id === this.contactId) this.error = e;
    }
  }

  async latestEvents(id) {
    const all = pages(`/contacts/${id}/events`, {}, 200);
    let latest = [];
    for (let page = 0; page < EVENT_PAGES_READ && !all.done; page++) {
      latest = [...latest, ...await all.next()].slice(-EVENTS_SHOWN);
    }
    return latest.reverse();
  }

  identity(c) {
    const identified = c.email || c.external_id;
    const company = c.company && typeof c.company === 'object' ? c.company.name : null;
    return html`<header class="identity">
      <span class="avatar" aria-hidden="true">${initials(c)}</span>
      <div>
        <h2>${contactName(c)}</h2>
        ${identified ? html`<span class="badge ${c.verified ? 'ok' : 'warn'}">${c.verified ? 'Verified' : 'Unverified'}</span>` : nothing}
      </div>
    </header>
    <dl class="facts">
      ${c.nickname && c.email ? html`<dt>Email</dt><dd>${c.email}</dd>` : nothing}
      ${c.external_id ? html`<dt>User id</dt><dd>${c.external_id}</dd>` : nothing}
      ${c.phone ? html`<dt>Phone</dt><dd>${c.phone}</dd>` : nothing}
      ${company ? html`<dt>Company</dt><dd>${company}</dd>` : nothing}
      <dt>First seen</dt><dd>${time(c.created_at)}</dd>
    </dl>`;
  }

  shop(shop) {
    if (!shop) return nothing;
    const figures = session.revenueAccess && shop.mrr !== undefined;
    return html`<section class="block" aria-labelledby="sidebar-shop">
      <h3 id="sidebar-shop">Shop</h3>
      <p class="shop-name">${shop.name || shop.myshopify_domain}
        ${shop.verified ? nothing : html`<span class="badge" title="Linked by unsigned session data">Unsigned</span>`}</p>
      ${shop.name ? html`<p class="muted">${shop.myshopify_domain}</p>` : nothing}
      ${shop.known ? html`<dl class="facts">
        <dt>Plan</dt><dd>${shop.plan || '—'}${shop.installed === false ? ' (uninstalled)' : ''}</dd>
        <dt>Churn risk</dt><dd><span class="badge ${RISK[shop.churn_risk] || ''}">${shop.churn_risk || 'unknown'}</span></dd>
        ${figures ? html`<dt>MRR</dt><dd>${money(shop.mrr, shop.currency || 'USD')}</dd>
          <dt>Lifetime revenue</dt><dd>${money(shop.lifetime_revenue, shop.currency || 'USD')}</dd>` : nothing}
      </dl>
      ${(shop.churn_reasons || []).length ? html`<ul class="reasons">${shop.churn_reasons.map((r) => html`<li>${REASONS[r] || r}</li>`)}</ul>` : nothing}`
      : html`<p class="muted">Not seen in the Shopify sync yet.</p>`}
    </section>`;
  }

  data(c) {
    const entries = Object.entries(c.data || {});
    if (!entries.length) return nothing;
    return html`<section class="block" aria-labelledby="sidebar-data">
      <h3 id="sidebar-data">Session data</h3>
      <dl class="facts">${entries.map(([k, v]) => html`<dt>${k}</dt><dd>${valueText(v)}</dd>`)}</dl>
    </section>`;
  }

  segments(c) {
    if (!(c.segments || []).length) return nothing;
    return html`<section class="block" aria-labelledby="sidebar-segments">
      <h3 id="sidebar-segments">Segments</h3>
      <ul class="chips">${c.segments.map((s) => html`<li>${s}</li>`)}</ul>
    </section>`;
  }

  timeline() {
    if (!this.events.length) return nothing;
    return html`<section class="block" aria-labelledby="sidebar-events">
      <h3 id="sidebar-events">Latest events</h3>
      <ol class="events">${this.events.map((e) => html`<li>
        <span class="dot ${COLORS.has(e.color) ? e.color : ''}" aria-hidden="true"></span>
        <span class="event-name">${e.name}</span> ${time(e.created_at)}
        ${e.data && typeof e.data === 'object' && Object.keys(e.data).length
          ? html`<span class="event-data">${Object.entries(e.data).map(([k, v]) => `${k}: ${valueText(v)}`).join(', ')}</span>` : nothing}
      </li>`)}</ol>
    </section>`;
  }

  /** The answers the visitor gave to the app's pre-chat questions when this conversation started, as asked. */
  answers() {
    const current = (this.conversations || []).find((c) => c.id === this.conversationId);
    const answers = (current && current.qualification_answers) || [];
    if (!answers.length) return nothing;
    return html`<section class="block" aria-labelledby="sidebar-answers">
      <h3 id="sidebar-answers">Pre-chat answers</h3>
      <dl class="facts answers">${answers.map((a) => html`<dt>${a.label}</dt>
        <dd>${Array.isArray(a.value) ? a.value.join(', ') : valueText(a.value)}</dd>`)}</dl>
    </section>`;
  }

  others() {
    const others = (this.conversations || []).filter((c) => c.id !== this.conversationId);
    if (!others.length) return nothing;
    return html`<section class="block" aria-labelledby="sidebar-conversations">
      <h3 id="sidebar-conversations">Other conversations</h3>
      <ul class="others">${others.map((c) => html`<li>
        <a href="#/inbox/${c.status === 'resolved' ? 'resolved' : 'open'}/${c.id}">${c.status === 'resolved' ? 'Resolved' : 'Open'}
          conversation, ${time(c.last_activity_at || c.last_message_at || c.created_at)}</a>
      </li>`)}</ul>
    </section>`;
  }

  render() {
    let body;
    if (this.error) body = html`<p class="form-error" role="alert">${this.error.message}</p>`;
    else if (!this.contact) body = html`<p class="empty">Loading the contact…</p>`;
    else {
      const c = this.contact;
      body = html`${this.identity(c)}${this.answers()}${this.shop(c.shop)}${this.data(c)}${this.segments(c)}${this.timeline()}${this.others()}`;
    }
    return html`<aside class="contact-sidebar" aria-label="Contact">${body}</aside>`;
  }
}
customElements.define('cv-contact-sidebar', ContactSidebar);
