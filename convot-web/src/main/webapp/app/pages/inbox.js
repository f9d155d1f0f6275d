/*
 * The inbox (`#/inbox/<view>/<conversation>`): views and the app picker, the conversation list, the
 * open conversation and its contact. The list follows the live updates: a new message moves its
 * conversation up (or into the view), assignment and status changes move it in or out.
 */
import { View, html, nothing, stylesheet } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { onMissedUpdates } from '../catch-up.js';
import { notifications } from '../waiting.js';
import '../components/conversation-list.js';
import '../components/conversation-view.js';
import '../components/contact-sidebar.js';

stylesheet(import.meta.url);

const VIEWS = [
  { key: 'open', label: 'Open' },
  { key: 'mine', label: 'Mine' },
  { key: 'unassigned', label: 'Unassigned' },
  { key: 'resolved', label: 'Resolved' },
];
const APP_KEY = 'convot.inbox.app';
const PAGE_SIZE = 30;

/** A view's list filter, as query parameters and as the test live updates go through. */
function viewFilter(view, memberId) {
  switch (view) {
    case 'mine':
      return { params: { status: 'open', assignee_id: memberId }, matches: (c) => c.status === 'open' && c.assignee_id === memberId };
    case 'unassigned':
      return { params: { status: 'open', assignee_id: 'none' }, matches: (c) => c.status === 'open' && !c.assignee_id };
    case 'resolved':
      return { params: { status: 'resolved' }, matches: (c) => c.status === 'resolved' };
    default:
      return { params: { status: 'open' }, matches: (c) => c.status === 'open' };
  }
}

/** Newest activity first, as the API orders the list (its `last_activity_at`: the latest message, else the creation). */
const activity = (c) => Date.parse(c.last_activity_at || c.last_message_at || c.created_at) || 0;

/** The list's summary of a message (`last_message`). */
const summary = (m) => ({ id: m.id, from: m.from, private: m.private, text: m.deleted_at ? null : m.text, created_at: m.created_at });

/**
 * A conversation without what the list keeps up to date itself from live updates and read markers
 * (an open conversation's copy of those may be older).
 */
function ownFields(conversation) {
  const own = { ...conversation };
  for (const field of ['last_message', 'unread_count', 'last_activity_at', 'waiting_since']) delete own[field];
  return own;
}

async function everything(path) {
  const all = pages(path, {}, 200);
  const items = [];
  while (!all.done) items.push(...await all.next());
  return items;
}

class Inbox extends View {
  static properties = {
    params: { attribute: false },
    apps: { state: true },
    members: { state: true },
    appId: { state: true },
    items: { state: true },
    loading: { state: true },
    done: { state: true },
    listError: { state: true },
    counts: { state: true },
    opened: { state: true },
    permission: { state: true },
  };

  constructor() {
    super();
    this.apps = [];
    this.members = [];
    this.items = [];
    this.appId = localStorage.getItem(APP_KEY) || '';
    this.counted = new Set(); // visitor messages already counted as unread (replays repeat them)
    this.permission = notifications.permission;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [
      live.on('message', (f) => this.liveMessage(f)),
      live.on('message.deleted', (f) => this.liveDeletion(f)),
      live.on('conversation', (f) => this.liveConversation(f.conversation)),
      live.on('conversation.assigned', (f) => this.liveConversation(f.conversation)),
      live.on('conversation.status', (f) => this.liveConversation(f.conversation)),
      live.on('caught_up', () => this.refreshCounts()),
      onMissedUpdates(() => this.reload()),
    ];
    this.loadTeam();
    if (this.view) this.reload(); // shown again: what changed meanwhile was not followed
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
  }

  willUpdate(changed) {
    if (!changed.has('params')) return;
    const view = this.params.view;
    if (!VIEWS.some((v) => v.key === view)) {
      location.replace(`#/inbox/open${this.params.conversation ? `/${this.params.conversation}` : ''}`);
      return;
    }
    if (view !== this.view) {
      this.view = view;
      this.items = [];
      this.reload();
    }
    if ((this.params.conversation || null) !== (this.opened && this.opened.id)) this.opened = null;
  }

  get openId() {
    return (this.params && this.params.conversation) || null;
  }

  get filter() {
    return viewFilter(this.view, session.member.id);
  }

  async loadTeam() {
    try {
      const [apps, members] = await Promise.all([everything('/apps'), everything('/members')]);
      this.apps = apps;
      this.members = members.filter((m) => m.status === 'active');
      if (this.appId && !apps.some((a) => a.id === this.appId)) this.pickApp('');
    } catch {
      // The picker and the assignee menu stay short; the list and the conversation still work.
    }
  }

  pickApp(appId) {
    this.appId = appId;
    if (appId) localStorage.setItem(APP_KEY, appId);
    else localStorage.removeItem(APP_KEY);
    this.items = [];
    this.reload();
  }

  /** Reads the list's first page again (a new view or app, or updates that may have been missed). */
  async reload() {
    const pager = pages('/conversations', { ...this.filter.params, app_id: this.appId }, PAGE_SIZE);
    this.pager = pager;
    this.loading = true;
    this.listError = null;
    try {
      const data = await pager.next();
      if (pager !== this.pager) return;
      this.items = data;
      this.done = pager.done;
    } catch (e) {
      if (pager === this.pager) this.listError = e;
    } finally {
      if (pager === this.pager) this.loading = false;
    }
    this.refreshCounts();
  }

  async more() {
    const pager = this.pager;
    if (!pager || this.loading || pager.done) return;
    this.loading = true;
    this.listError = null;
    try {
      const data = await pager.next();
      if (pager !== this.pager) return;
      const known = new Set(this.items.map((c) => c.id));
      this.items = [...this.items, ...data.filter((c) => !known.has(c.id))];
      this.done = pager.done;
    } catch (e) {
      if (pager === this.pager) this.listError = e;
    } finally {
      if (pager === this.pager) this.loading = false;
    }
  }

  /** Counts per view; a server without the counts endpoint shows none. */
  refreshCounts() {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(async () => {
      if (this.countsMissing) return;
      try {
        this.counts = await api.get('/conversations/counts', { app_id: this.appId });
      } catch (e) {
        if (e.status === 404) this.countsMissing = true;
        this.counts = null;
      }
    }, 300);
  }

  /** Is the agent looking at this conversation right now (so its new messages are read)? */
  reading(id) {
    return this.openId === id && document.visibilityState === 'visible';
  }

  liveMessage({ message, conversation }) {
    if (!message || !conversation) return;
    const current = this.items.find((c) => c.id === conversation.id);
    const item = { ...current, ...conversation };
    const last = current && current.last_message;
    const deletedAlready = last && last.id === message.id && last.text === null;
    if (!deletedAlready && (!last || last.id === message.id || Date.parse(message.created_at) >= Date.parse(last.created_at))) {
      item.last_message = summary(message);
    }
    if (activity(item) < Date.parse(message.created_at)) item.last_activity_at = message.created_at;
    if (message.from === 'visitor' && !message.deleted_at && !this.counted.has(message.id)) {
      this.counted.add(message.id);
      const known = current ? typeof current.unread_count === 'number' : this.items.some((c) => typeof c.unread_count === 'number');
      if (known && !this.reading(conversation.id)) item.unread_count = ((current && current.unread_count) || 0) + 1;
    }
    this.place(item);
    this.refreshCounts();
  }

  liveDeletion({ message_id: messageId, conversation_id: conversationId }) {
    const current = this.items.find((c) => c.id === conversationId);
    if (current && current.last_message && current.last_message.id === messageId) {
      this.place({ ...current, last_message: { ...current.last_message, text: null } });
    }
    this.refreshCounts();
  }

  liveConversation(conversation) {
    if (!conversation) return;
    this.place({ ...this.items.find((c) => c.id === conversation.id), ...conversation });
    if (this.opened && this.opened.id === conversation.id) this.opened = { ...this.opened, ...conversation };
    this.refreshCounts();
  }

  /** Puts a changed conversation where the view's order wants it, or out of the view. */
  place(item) {
    const rest = this.items.filter((c) => c.id !== item.id);
    const belongs = this.filter.matches(item) && (!this.appId || item.app_id === this.appId);
    const at = rest.findIndex((c) => activity(c) < activity(item));
    if (!belongs || (at === -1 && !this.done)) {
      this.items = rest; // out of the view, or older than the pages read so far: a later page has it
      return;
    }
    this.items = at === -1 ? [...rest, item] : [...rest.slice(0, at), item, ...rest.slice(at)];
  }

  conversationChanged(conversation) {
    this.opened = conversation;
    const current = this.items.find((c) => c.id === conversation.id);
    this.place(current ? { ...current, ...ownFields(conversation) } : conversation);
    this.refreshCounts();
  }

  conversationRead(id) {
    const current = this.items.find((c) => c.id === id);
    if (current && current.unread_count) {
      this.items = this.items.map((c) => (c.id === id ? { ...c, unread_count: 0 } : c));
    }
    this.refreshCounts();
  }

  async enableNotifications() {
    this.permission = await notifications.request();
  }

  viewLink(v) {
    const count = this.counts && this.counts[v.key];
    const shown = typeof count === 'number';
    return html`<li>
      <a href="#/inbox/${v.key}" aria-current=${v.key === this.view ? 'page' : 'false'}
        aria-describedby=${shown ? `inbox-count-${v.key}` : nothing}>
        <span>${v.label}</span>
        ${shown ? html`<span class="count" aria-hidden="true">${count}</span>
          <span hidden id="inbox-count-${v.key}">${count} ${count === 1 ? 'conversation' : 'conversations'}</span>` : nothing}
      </a>
    </li>`;
  }

  notificationsControl() {
    if (!notifications.supported || this.permission === 'denied') return nothing;
    if (this.permission === 'granted') return html`<p class="hint">Notifications are on for new conversations.</p>`;
    return html`<button type="button" class="small" @click=${this.enableNotifications}>Enable notifications</button>`;
  }

  render() {
    const current = VIEWS.find((v) => v.key === this.view);
    if (!current) return nothing;
    const unread = this.counts && this.counts.unread;
    return html`
      <div class="inbox-layout ${this.openId ? 'has-conversation' : ''}">
        <nav class="inbox-views" aria-label="Inbox views">
          <label for="inbox-app">App</label>
          <select id="inbox-app" @change=${(e) => this.pickApp(e.target.value)}>
            <option value="" ?selected=${!this.appId}>All apps</option>
            ${this.apps.map((a) => html`<option value=${a.id} ?selected=${a.id === this.appId}>${a.name}</option>`)}
          </select>
          <ul>${VIEWS.map((v) => this.viewLink(v))}</ul>
          ${this.notificationsControl()}
        </nav>
        <section class="inbox-list" aria-labelledby="inbox-list-title">
          <header>
            <h1 id="inbox-list-title">${current.label}</h1>
            ${unread ? html`<span class="badge">${unread} unread</span>` : nothing}
          </header>
          <cv-conversation-list .items=${this.items} .view=${this.view} .selected=${this.openId} .apps=${this.apps}
            .loading=${this.loading} .done=${this.done} .error=${this.listError} @more=${this.more}></cv-conversation-list>
        </section>
        ${this.openId ? html`
          <a class="inbox-back" href="#/inbox/${this.view}">← ${current.label} conversations</a>
          <cv-conversation-view .conversationId=${this.openId} .members=${this.members} .apps=${this.apps}
            @conversation-changed=${(e) => this.conversationChanged(e.detail)}
            @conversation-read=${(e) => this.conversationRead(e.detail)}></cv-conversation-view>
          <cv-contact-sidebar .contactId=${this.opened ? this.opened.contact_id : null}
            .conversationId=${this.openId}></cv-contact-sidebar>`
        : html`<div class="inbox-placeholder"><p>Pick a conversation to read it here.</p></div>`}
      </div>`;
  }
}
customElements.define('cv-inbox', Inbox);
