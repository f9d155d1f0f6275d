import { View, html, nothing, stylesheet, time } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const KINDS = { slack: 'Slack', discord: 'Discord' };

const EVENTS = [
  ['conversation.created', 'A conversation started'],
  ['message.received', 'A visitor sent a message'],
  ['conversation.assigned', 'A conversation was assigned or unassigned'],
  ['conversation.resolved', 'A conversation was resolved'],
];

/**
 * Settings → Channels: Slack and Discord channels the team hears about conversations in, through an
 * incoming-webhook URL (`/notification-channels`). The URL is a credential: the API never returns it,
 * only its host and last four characters. A channel whose webhook was deleted is disabled by Convot
 * (the owners get a mail); saving a new URL turns it on again. Owners and admins only.
 */
class SettingsChannels extends View {
  static properties = {
    channels: { state: true },
    apps: { state: true },
    loadError: { state: true },
    createError: { state: true },
    actionError: { state: true },
    replacing: { state: true },
    replaceError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.status = '';
    this.apps = [];
    if (session.isAdmin) this.load();
  }

  async load() {
    this.loadError = null;
    try {
      const [channels, apps] = await Promise.all([this.all('/notification-channels'), this.all('/apps')]);
      this.channels = channels;
      this.apps = apps;
    } catch (err) {
      this.loadError = err;
    }
  }

  async all(path) {
    const list = pages(path, {}, 200);
    const found = [];
    while (!list.done) found.push(...await list.next());
    return found;
  }

  async create(e) {
    e.preventDefault();
    const form = e.target;
    const data = new FormData(form);
    this.busy = 'create';
    this.createError = null;
    this.status = '';
    try {
      const created = await api.post('/notification-channels', {
        kind: data.get('kind'), url: data.get('url').trim(), events: data.getAll('event'), app_ids: data.getAll('app'),
      });
      this.channels = [...this.channels, created];
      this.status = `The ${KINDS[created.kind]} channel was added. Send a test message to check it.`;
      form.reset();
    } catch (err) {
      this.createError = err;
      focusInvalid(this, form);
    } finally {
      this.busy = null;
    }
  }

  async test(channel) {
    this.busy = channel.id;
    this.actionError = null;
    try {
      await api.post(`/notification-channels/${channel.id}/test`);
      this.status = `A test message is on its way to the ${KINDS[channel.kind]} channel ${channel.url_hint}.`;
      setTimeout(() => this.refresh(channel.id), 2000);
    } catch (err) {
      this.actionError = err;
    } finally {
      this.busy = null;
    }
  }

  async refresh(id) {
    try {
      const fresh = await api.get(`/notification-channels/${id}`);
      this.channels = this.channels.map((c) => (c.id === id ? fresh : c));
    } catch { /* the list stays as it was */ }
  }

  async replaceUrl(e, channel) {
    e.preventDefault();
    const form = e.target;
    this.busy = channel.id;
    this.replaceError = null;
    try {
      const saved = await api.patch(`/notification-channels/${channel.id}`, { url: new FormData(form).get('url').trim() });
      this.channels = this.channels.map((c) => (c.id === saved.id ? saved : c));
      this.replacing = null;
      this.status = `The ${KINDS[saved.kind]} channel's URL was replaced${channel.active ? '' : '; it is on again'}.`;
    } catch (err) {
      this.replaceError = err;
      focusInvalid(this, form);
    } finally {
      this.busy = null;
    }
  }

  async remove(channel) {
    const yes = await confirmAction({
      title: `Remove the ${KINDS[channel.kind]} channel?`,
      message: html`<p>${channel.url_hint} gets no more notifications. The incoming webhook itself stays in ${KINDS[channel.kind]}.</p>`,
      confirmLabel: 'Remove channel',
    });
    if (!yes) return;
    this.busy = channel.id;
    this.actionError = null;
    try {
      await api.del(`/notification-channels/${channel.id}`);
      this.channels = this.channels.filter((c) => c.id !== channel.id);
      this.status = `The ${KINDS[channel.kind]} channel was removed.`;
    } catch (err) {
      this.actionError = err;
    } finally {
      this.busy = null;
    }
  }

  render() {
    return html`
      <div class="settings-page channels-page">
        <header>
          <h1>Channels</h1>
          <p>Tell a Slack or Discord channel about new conversations and messages, through an incoming webhook you create there.</p>
        </header>
        ${statusLine(this.status)}
        ${session.isAdmin ? this.manage() : html`<p class="read-only-notice">Only owners and admins can see and add channels.</p>`}
      </div>`;
  }

  manage() {
    const error = this.createError;
    return html`
      <section class="panel" aria-labelledby="new-channel-title">
        <h2 id="new-channel-title">Add a channel</h2>
        <form class="new-channel" @submit=${this.create} novalidate>
          <label for="channel-kind">Service</label>
          <select id="channel-kind" name="kind" aria-describedby="channel-kind-error">
            <option value="slack">Slack</option>
            <option value="discord">Discord</option>
          </select>
          ${fieldMessage(error, 'kind', 'channel-kind-error')}
          <label for="channel-url">Incoming webhook URL</label>
          <input id="channel-url" name="url" type="url" required autocomplete="off" placeholder="https://hooks.slack.com/services/…"
            aria-invalid=${invalid(error, 'url')} aria-describedby="channel-url-hint channel-url-error">
          <p class="hint" id="channel-url-hint">Slack: Apps › Incoming Webhooks › Add New Webhook. Discord: channel settings › Integrations ›
            Webhooks › New Webhook › Copy Webhook URL. It is kept encrypted and never shown again.</p>
          ${fieldMessage(error, 'url', 'channel-url-error')}
          <fieldset>
            <legend>Events</legend>
            <ul class="choices">
              ${EVENTS.map(([type, meaning], i) => html`
                <li><label class="checkbox"><input type="checkbox" name="event" value=${type} ?checked=${i < 2}>
                  <span>${meaning} <span class="muted"><code>${type}</code></span></span></label></li>`)}
            </ul>
            ${fieldMessage(error, 'events', 'channel-events-error')}
          </fieldset>
          ${this.apps.length > 1 ? html`
            <fieldset>
              <legend>Apps <span class="muted">(none chosen: every app)</span></legend>
              <ul class="choices">
                ${this.apps.map((app) => html`<li><label class="checkbox"><input type="checkbox" name="app" value=${app.id}>
                  <span>${app.name}</span></label></li>`)}
              </ul>
            </fieldset>` : nothing}
          ${formProblem(error, ['kind', 'url', 'events'])}
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy === 'create'}>Add channel</button></div>
        </form>
      </section>
      ${formProblem(this.loadError)}
      ${formProblem(this.actionError)}
      ${this.channels ? this.list() : (this.loadError ? nothing : html`<p class="muted">Loading channels…</p>`)}`;
  }

  list() {
    if (!this.channels.length) return html`<p class="empty panel">No channels yet.</p>`;
    return html`
      <table class="channels-table" aria-labelledby="channels-title">
        <caption id="channels-title">Channels</caption>
        <thead><tr><th scope="col">Service</th><th scope="col">Webhook</th><th scope="col">Events</th><th scope="col">Status</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.channels.map((c) => this.row(c))}</tbody>
      </table>`;
  }

  row(c) {
    const name = `${KINDS[c.kind]} ${c.url_hint}`;
    return html`
      <tr>
        <td>${KINDS[c.kind]}</td>
        <td><code class="hint-url">${c.url_hint}</code></td>
        <td>${c.events.map((e) => html`<code>${e}</code> `)}</td>
        <td>
          ${c.active ? html`<span class="state on">Active</span>` : html`<span class="state off">Disabled</span>
            <span class="muted">${c.disabled_reason} (${time(c.disabled_at)})</span>`}
          ${c.last_status ? html`<div class="muted last">Last post: ${c.last_status}${c.last_attempt_at ? html`, ${time(c.last_attempt_at)}` : nothing}</div>` : nothing}
          ${this.replacing === c.id ? this.replaceForm(c) : nothing}
        </td>
        <td class="row-actions">
          <button type="button" aria-label=${`Send a test message to ${name}`} ?disabled=${!c.active || this.busy === c.id}
            @click=${() => this.test(c)}>Send test</button>
          <button type="button" aria-label=${`Replace the URL of ${name}`} @click=${() => { this.replacing = c.id; this.replaceError = null; }}>Replace URL</button>
          <button type="button" class="danger" aria-label=${`Remove ${name}`} ?disabled=${this.busy === c.id} @click=${() => this.remove(c)}>Remove</button>
        </td>
      </tr>`;
  }

  replaceForm(c) {
    const id = `replace-${c.id}`;
    return html`
      <form class="replace-url" @submit=${(e) => this.replaceUrl(e, c)} novalidate>
        <label for=${id}>New incoming webhook URL</label>
        <input id=${id} name="url" type="url" required autocomplete="off" aria-invalid=${invalid(this.replaceError, 'url')}
          aria-describedby=${`${id}-error`}>
        ${fieldMessage(this.replaceError, 'url', `${id}-error`)}
        ${formProblem(this.replaceError, ['url'])}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy === c.id}>Save URL</button>
          <button type="button" @click=${() => { this.replacing = null; }}>Cancel</button>
        </div>
      </form>`;
  }
}
customElements.define('cv-settings-channels', SettingsChannels);
