/*
 * One contact: who they are, what the widget told about them (session data, segments, timeline
 * events), their conversations, and the Shopify shop their session data links them to. Agents edit
 * the profile an agent may change (nickname, phone, company, segments); owners and admins may
 * delete the contact.
 */
import { View, html, nothing, stylesheet, time, fullTime, money, formError, go } from '../view.js';
import { api, pages, query } from '../api.js';
import { session } from '../session.js';
import { contactName, avatar, verifiedBadge } from '../components/contact-display.js';
import { riskBadge, reasons } from '../components/churn-risk.js';
import { loadApps, appName } from '../components/app-names.js';

stylesheet(import.meta.url);

const PAGE_SIZE = 20;

/** A session data value as text: strings as they are, other JSON values as JSON. */
function valueText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The field errors of a 422 whose field is `name` or one of its entries (`segments[2]`). */
function errorsOf(error, name) {
  const all = (error && error.problem && error.problem.errors) || [];
  return all.filter((e) => e.field && (e.field === name || e.field.startsWith(`${name}[`) || e.field.startsWith(`${name}.`)))
    .map((e) => e.message);
}

class ContactPage extends View {
  static properties = {
    params: { attribute: false },
    contact: { state: true },
    apps: { state: true },
    conversations: { state: true },
    events: { state: true },
    missing: { state: true },
    error: { state: true },
    editing: { state: true },
    saving: { state: true },
    editError: { state: true },
    deleting: { state: true },
    deleteError: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.shown = null;
  }

  willUpdate(changed) {
    if (changed.has('params') && this.params && this.params.contact !== this.shown) {
      this.shown = this.params.contact;
      this.load(this.shown);
    }
  }

  async load(id) {
    Object.assign(this, { contact: null, missing: false, error: null, editing: false, editError: null });
    this.conversations = { rows: [], list: pages('/conversations', { contact_id: id }, PAGE_SIZE) };
    this.events = { rows: [], list: pages(`/contacts/${encodeURIComponent(id)}/events`, {}, PAGE_SIZE) };
    loadApps().then((apps) => { this.apps = apps; }, () => { this.apps = new Map(); });
    try {
      const contact = await api.get(`/contacts/${encodeURIComponent(id)}`);
      if (id !== this.shown) return;
      this.contact = contact;
      await Promise.all([this.more('conversations'), this.more('events')]);
    } catch (err) {
      if (id !== this.shown) return;
      if (err.status === 404 || err.status === 422) this.missing = true;
      else this.error = err;
    }
  }

  /** Loads the next page of `conversations` or `events`. */
  async more(which) {
    const part = this[which];
    this[which] = { ...part, loading: true, error: null };
    try {
      const rows = await part.list.next();
      if (this[which].list === part.list) this[which] = { ...part, rows: [...part.rows, ...rows], loading: false };
    } catch (err) {
      if (this[which].list === part.list) this[which] = { ...part, loading: false, error: err };
    }
  }

  render() {
    if (this.missing) {
      return html`<div class="contact-page"><h1>Contact not found</h1>
        <p>This contact does not exist or was deleted. <a href="#/contacts">Back to contacts</a></p></div>`;
    }
    if (this.error) return html`<div class="contact-page"><h1>Contact</h1>${formError(this.error)}</div>`;
    const c = this.contact;
    if (!c) return html`<p class="boot" role="status">Loading the contact…</p>`;
    return html`
      <div class="contact-page">
        <nav class="crumbs" aria-label="Breadcrumb"><a href="#/contacts">Contacts</a> <span aria-hidden="true">›</span>
          <span aria-current="page">${contactName(c)}</span></nav>
        ${this.header(c)}
        <div class="contact-grid">
          <div class="contact-main">
            ${this.editing ? this.editForm(c) : nothing}
            ${this.conversationsPanel()}
            ${this.timeline()}
          </div>
          <div class="contact-side">
            ${this.details(c)}
            ${c.shop ? this.shopPanel(c.shop) : nothing}
            ${this.segments(c)}
            ${this.sessionData(c)}
          </div>
        </div>
        ${this.deleteDialog(c)}
      </div>`;
  }

  header(c) {
    return html`
      <header class="contact-head panel">
        ${avatar(c, 'large')}
        <div class="who">
          <h1>${contactName(c)}</h1>
          <p class="identity">
            ${c.email ? html`<span>${c.email}</span> ${verifiedBadge(c)}` : html`<span class="muted">No email</span>`}
          </p>
          <p class="muted">${appName(this.apps, c.app_id)}${this.apps && appName(this.apps, c.app_id) ? ' · ' : ''}first seen
            ${time(c.created_at)}</p>
        </div>
        <div class="actions">
          <button type="button" id="contact-edit" ?disabled=${this.editing} @click=${this.startEditing}>Edit</button>
          ${session.isAdmin
            ? html`<button type="button" class="danger" @click=${this.askDelete}>Delete contact</button>` : nothing}
        </div>
      </header>`;
  }

  details(c) {
    const company = c.company && typeof c.company === 'object' ? c.company : null;
    return html`
      <section class="panel" aria-labelledby="contact-details-title">
        <h2 id="contact-details-title">Details</h2>
        <dl class="facts">
          <dt>Nickname</dt><dd>${c.nickname || html`<span class="muted">None</span>`}</dd>
          <dt>Email</dt><dd>${c.email ? html`${c.email} ${verifiedBadge(c)}` : html`<span class="muted">None</span>`}</dd>
          <dt>External ID</dt><dd>${c.external_id || html`<span class="muted">None</span>`}</dd>
          <dt>Phone</dt><dd>${c.phone || html`<span class="muted">None</span>`}</dd>
          <dt>Company</dt><dd>${company && Object.keys(company).length
            ? this.company(company) : html`<span class="muted">None</span>`}</dd>
          <dt>Updated</dt><dd>${fullTime(c.updated_at)}</dd>
        </dl>
      </section>`;
  }

  /** The company the widget set (`{name, url, description, employment, geolocation}`), as text. */
  company(company) {
    const rest = Object.entries(company).filter(([key]) => key !== 'name');
    return html`${company.name ? html`<strong>${valueText(company.name)}</strong>` : nothing}
      ${rest.map(([key, value]) => html`<span class="sub">${key.replaceAll('_', ' ')}: ${valueText(value)}</span>`)}`;
  }

  shopPanel(shop) {
    const revenue = 'mrr' in shop;
    return html`
      <section class="panel shop" aria-labelledby="contact-shop-title">
        <h2 id="contact-shop-title">Shop</h2>
        <p class="shop-name"><strong>${shop.name || shop.myshopify_domain}</strong>
          ${shop.verified ? html`<span class="badge ok" title="The session data's shop_hash signs this shop">Verified</span>`
            : html`<span class="badge warn" title="No shop_hash signs this shop: the visitor named it">Unverified</span>`}
          <span class="sub">${shop.myshopify_domain}</span></p>
        ${shop.known ? html`
          <dl class="facts">
            <dt>Status</dt><dd>${shop.installed ? 'Installed'
              : html`Uninstalled${shop.uninstall_reason ? html`: ${shop.uninstall_reason}` : nothing}`}</dd>
            <dt>Plan</dt><dd>${shop.plan || html`<span class="muted">None</span>`}</dd>
            <dt>Churn risk</dt><dd>${riskBadge(shop.churn_risk)}${reasons(shop.churn_reasons)}</dd>
            ${revenue ? html`
              <dt>MRR</dt><dd>${money(shop.mrr, shop.currency)}</dd>
              <dt>Lifetime revenue</dt><dd>${money(shop.lifetime_revenue, shop.currency)}</dd>` : nothing}
          </dl>
          ${revenue ? html`<p><a href="#/revenue${query({ myshopify_domain: shop.myshopify_domain })}">
            See the shop in Revenue</a></p>` : nothing}`
          : html`<p class="muted">Not in the Shopify Partner data yet: the next sync may bring it.</p>`}
      </section>`;
  }

  segments(c) {
    return html`
      <section class="panel" aria-labelledby="contact-segments-title">
        <h2 id="contact-segments-title">Segments</h2>
        ${c.segments.length
          ? html`<ul class="segment-list">${c.segments.map((s) => html`<li><a class="badge segment"
              href="#/contacts${query({ segment: s })}" aria-label="Segment ${s}">${s}</a></li>`)}</ul>`
          : html`<p class="muted">None</p>`}
      </section>`;
  }

  sessionData(c) {
    const entries = Object.entries(c.data || {});
    return html`
      <section class="panel" aria-labelledby="contact-data-title">
        <h2 id="contact-data-title">Session data</h2>
        ${entries.length
          ? html`<dl class="facts data">${entries.map(([key, value]) => html`<dt>${key}</dt><dd>${valueText(value)}</dd>`)}</dl>`
          : html`<p class="muted">None. The widget sets it with <code>session:data</code>.</p>`}
      </section>`;
  }

  conversationsPanel() {
    const { rows, loading, error, list } = this.conversations;
    return html`
      <section class="panel" aria-labelledby="contact-conversations-title">
        <h2 id="contact-conversations-title">Conversations</h2>
        ${rows.length ? html`<ul class="conversation-list">${rows.map((v) => html`<li>
            <a href="#/inbox/open/${v.id}">Conversation started ${fullTime(v.created_at)}</a>
            <span class="badge ${v.status === 'open' ? 'ok' : ''}">${v.status === 'open' ? 'Open' : 'Resolved'}</span>
            ${v.last_message_at ? html`<span class="muted">last message ${time(v.last_message_at)}</span>` : nothing}
          </li>`)}</ul>`
          : loading ? html`<p class="muted">Loading…</p>` : html`<p class="muted">No conversations.</p>`}
        ${formError(error)}
        ${list.done ? nothing : html`<button type="button" ?disabled=${loading}
          @click=${() => this.more('conversations')}>Load more conversations</button>`}
      </section>`;
  }

  timeline() {
    const { rows, loading, error, list } = this.events;
    return html`
      <section class="panel" aria-labelledby="contact-events-title">
        <h2 id="contact-events-title">Events</h2>
        ${rows.length ? html`<ol class="events">${rows.map((e) => html`<li>
            <span class="dot ${e.color || 'grey'}" aria-hidden="true"></span>
            <div><strong>${e.name}</strong> <span class="muted">${time(e.created_at)}</span>
              ${e.data && typeof e.data === 'object' && Object.keys(e.data).length
                ? html`<dl class="event-data">${Object.entries(e.data)
                  .map(([k, v]) => html`<dt>${k}</dt><dd>${valueText(v)}</dd>`)}</dl>`
                : nothing}</div>
          </li>`)}</ol>`
          : loading ? html`<p class="muted">Loading…</p>`
          : html`<p class="muted">No events. The widget adds them with <code>session:event</code>.</p>`}
        ${formError(error)}
        ${list.done ? nothing : html`<button type="button" ?disabled=${loading}
          @click=${() => this.more('events')}>Load more events</button>`}
      </section>`;
  }

  async startEditing() {
    this.editing = true;
    this.editError = null;
    await this.updateComplete;
    this.querySelector('#contact-nickname').focus();
  }

  async stopEditing() {
    this.editing = false;
    await this.updateComplete;
    this.querySelector('#contact-edit').focus();
  }

  editField(name, label, value, hint) {
    const id = `contact-${name}`;
    const messages = errorsOf(this.editError, name);
    return html`
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type="text" .value=${value || ''} aria-invalid=${messages.length ? 'true' : 'false'}
        aria-describedby=${`${id}-hint ${id}-error`}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${messages.length ? html`<p class="field-error" id=${`${id}-error`}>${messages.join(' ')}</p>` : nothing}`;
  }

  editForm(c) {
    const company = c.company && typeof c.company === 'object' ? c.company : {};
    const fieldErrors = this.editError && (this.editError.problem.errors || []).length;
    return html`
      <section class="panel edit" aria-labelledby="contact-edit-title">
        <h2 id="contact-edit-title">Edit contact</h2>
        <form @submit=${this.save} @keydown=${(e) => { if (e.key === 'Escape') this.stopEditing(); }} novalidate>
          ${this.editField('nickname', 'Nickname', c.nickname)}
          ${this.editField('phone', 'Phone', c.phone)}
          ${this.editField('company', 'Company', valueText(company.name || ''))}
          ${this.editField('segments', 'Segments', c.segments.join(', '), 'Separated by commas, such as vip, beta.')}
          ${fieldErrors ? nothing : formError(this.editError)}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.saving}>Save changes</button>
            <button type="button" @click=${this.stopEditing}>Cancel</button>
          </div>
        </form>
      </section>`;
  }

  /** Sends only what changed, as a merge patch: what is left out stays as it is. */
  async save(e) {
    e.preventDefault();
    const c = this.contact;
    const form = new FormData(e.target);
    const change = {};
    const nickname = form.get('nickname').trim();
    const phone = form.get('phone').trim();
    if (nickname !== (c.nickname || '')) change.nickname = nickname;
    if (phone !== (c.phone || '')) change.phone = phone;
    const company = c.company && typeof c.company === 'object' ? c.company : {};
    const companyName = form.get('company').trim();
    if (companyName !== valueText(company.name || '')) {
      const { name, ...rest } = company;
      change.company = companyName ? { ...rest, name: companyName } : rest;
    }
    const segments = form.get('segments').split(',').map((s) => s.trim()).filter(Boolean);
    if (segments.join('\n') !== c.segments.join('\n')) change.segments = segments;
    if (!Object.keys(change).length) return this.stopEditing();
    this.saving = true;
    this.editError = null;
    try {
      const saved = await api.patch(`/contacts/${encodeURIComponent(c.id)}`, change);
      this.contact = { ...saved, shop: c.shop };
      await this.stopEditing();
    } catch (err) {
      this.editError = err;
      await this.updateComplete;
      const invalid = this.querySelector('.edit [aria-invalid="true"]');
      if (invalid) invalid.focus();
    } finally {
      this.saving = false;
    }
  }

  askDelete() {
    this.deleteError = null;
    this.querySelector('#contact-delete-dialog').showModal();
  }

  deleteDialog(c) {
    return html`
      <dialog id="contact-delete-dialog" class="confirm" aria-labelledby="contact-delete-title"
        aria-describedby="contact-delete-what">
        <h2 id="contact-delete-title">Delete ${contactName(c)}?</h2>
        <p id="contact-delete-what">The contact leaves Contacts and search at once, and their chat sessions end: if
          they come back, the widget starts over with a new, empty profile. Their conversations stay in the inbox.
          This cannot be undone.</p>
        ${formError(this.deleteError)}
        <div class="actions">
          <button type="button" autofocus @click=${(e) => e.target.closest('dialog').close()}>Cancel</button>
          <button type="button" class="danger" ?disabled=${this.deleting} @click=${this.confirmDelete}>Delete</button>
        </div>
      </dialog>`;
  }

  async confirmDelete(e) {
    const dialog = e.target.closest('dialog');
    this.deleting = true;
    try {
      await api.del(`/contacts/${encodeURIComponent(this.contact.id)}`);
      dialog.close();
      this.shown = null;
      go('/contacts');
    } catch (err) {
      this.deleteError = err;
    } finally {
      this.deleting = false;
    }
  }
}

customElements.define('cv-contact-page', ContactPage);
