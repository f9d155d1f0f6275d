/*
 * One conversation: its history (live, typing shown, older messages revealed on scrolling up),
 * assignment, resolve and reopen, deleting a message, and the composer. It marks the conversation
 * read when opened and when messages arrive while the agent is looking at it.
 *
 * The messages API pages oldest first, so the history reads every page and renders the newest part
 * of it, revealing older messages as the agent scrolls up.
 */
import { View, html, nothing, stylesheet, time } from '../view.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { live as current } from 'lit/directives/live.js';
import { onMissedUpdates } from '../catch-up.js';
import { contactName } from './contact-names.js';
import './composer.js';

stylesheet(import.meta.url);

const SHOWN_AT_FIRST = 50;
const TYPING_SHOWN_MS = 6000;
const NEAR_BOTTOM_PX = 80;

const ms = (iso) => Date.parse(iso) || 0;
const byTime = (a, b) => ms(a.created_at) - ms(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Is `known` a later state of the message than `other`? A deletion is the last state there is. */
const newer = (known, other) => (known.deleted_at && !other.deleted_at) || ms(known.updated_at) > ms(other.updated_at);

class ConversationView extends View {
  static properties = {
    conversationId: { attribute: false },
    members: { attribute: false },
    apps: { attribute: false },
    conversation: { state: true },
    messages: { state: true },
    shown: { state: true },
    error: { state: true },
    actionError: { state: true },
    busy: { state: true },
    typing: { state: true },
    deleting: { state: true },
  };

  constructor() {
    super();
    this.messages = [];
    this.shown = SHOWN_AT_FIRST;
    this.members = [];
    this.apps = [];
  }

  connectedCallback() {
    super.connectedCallback();
    const onVisible = () => { if (document.visibilityState === 'visible') this.markRead(); };
    document.addEventListener('visibilitychange', onVisible);
    this.stops = [
      live.on('message', (f) => this.liveMessage(f)),
      live.on('message.deleted', (f) => this.liveDeletion(f)),
      live.on('conversation', (f) => this.liveConversation(f.conversation)),
      live.on('conversation.assigned', (f) => this.liveConversation(f.conversation)),
      live.on('conversation.status', (f) => this.liveConversation(f.conversation)),
      live.on('typing', (f) => this.liveTyping(f)),
      onMissedUpdates(() => this.load(false)),
      () => document.removeEventListener('visibilitychange', onVisible),
      () => clearTimeout(this.typingTimer),
    ];
    this.resized = new ResizeObserver(() => {
      if (this.atBottom && this.log) this.log.scrollTop = this.log.scrollHeight;
    });
    this.older = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && this.shown < this.messages.length) this.revealOlder();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
    this.older.disconnect();
    this.resized.disconnect();
    this.watchedLog = null;
  }

  willUpdate(changed) {
    if (changed.has('conversationId') && this.conversationId) this.load(true);
  }

  updated() {
    const log = this.log;
    if (!log) return;
    if (log !== this.watchedLog) {
      // Stay at the latest message while the pane changes size (the composer renders, the window resizes).
      this.watchedLog = log;
      this.resized.disconnect();
      this.resized.observe(log);
    }
    if (this.keepFromBottom !== undefined) {
      log.scrollTop = log.scrollHeight - this.keepFromBottom;
      this.keepFromBottom = undefined;
    } else if (this.atBottom) {
      log.scrollTop = log.scrollHeight;
    }
    this.older.disconnect();
    const start = this.querySelector('.history-start:not(.done)');
    if (start) this.older.observe(start);
    if (this.deleting) {
      const dialog = this.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    }
  }

  scrolled() {
    const log = this.log;
    this.atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  }

  get log() {
    return this.querySelector('.history');
  }

  get mine() {
    return this.conversation && this.conversation.assignee_id === session.member.id;
  }

  /** The conversation and every page of its messages; `fresh` when another conversation was opened. */
  async load(fresh) {
    const id = this.conversationId;
    if (fresh) {
      this.conversation = null;
      this.messages = [];
      this.shown = SHOWN_AT_FIRST;
      this.error = null;
      this.actionError = null;
      this.typing = null;
      this.deleting = null;
      this.atBottom = true;
    }
    try {
      const all = pages(`/conversations/${id}/messages`, {}, 200);
      const [conversation, first] = await Promise.all([api.get(`/conversations/${id}`), all.next()]);
      const messages = [...first];
      while (!all.done) messages.push(...await all.next());
      if (id !== this.conversationId) return;
      this.conversation = conversation;
      this.changed();
      this.merge(messages);
      this.markRead();
    } catch (e) {
      if (id === this.conversationId) this.error = e;
    }
  }

  /** Adds what a reading of the pages found; a message changed since (deleted) keeps its newer state. */
  merge(messages) {
    const byId = new Map(this.messages.map((m) => [m.id, m]));
    for (const m of messages) {
      const known = byId.get(m.id);
      if (!known || !newer(known, m)) byId.set(m.id, m);
    }
    this.messages = [...byId.values()].sort(byTime);
  }

  /** Adds or replaces a message by id (live updates and replays may repeat one), in time order. */
  upsert(message) {
    const at = this.messages.findIndex((m) => m.id === message.id);
    if (at >= 0) {
      const known = this.messages[at];
      if (newer(known, message)) return;
      this.messages = this.messages.map((m, i) => (i === at ? message : m));
      return;
    }
    this.messages = [...this.messages, message].sort(byTime);
  }

  changed() {
    this.dispatchEvent(new CustomEvent('conversation-changed', { detail: this.conversation }));
  }

  /** Marks the conversation read, when the agent is looking at it; an older server has no read markers. */
  markRead() {
    clearTimeout(this.readTimer);
    if (this.readMissing || !this.conversation || document.visibilityState !== 'visible') return;
    const id = this.conversation.id;
    this.readTimer = setTimeout(async () => {
      try {
        await api.post(`/conversations/${id}/read`);
        this.dispatchEvent(new CustomEvent('conversation-read', { detail: id }));
      } catch (e) {
        if (e.status === 404 || e.status === 405) this.readMissing = true;
      }
    }, 250);
  }

  liveMessage({ message, conversation }) {
    if (!message || message.conversation_id !== this.conversationId || !this.conversation) return;
    if (conversation) this.conversation = { ...this.conversation, ...conversation };
    this.upsert(message);
    if (message.from === 'visitor') {
      this.typing = null;
      this.markRead();
    }
  }

  liveDeletion({ message_id: messageId, conversation_id: conversationId }) {
    if (conversationId !== this.conversationId) return;
    const known = this.messages.find((m) => m.id === messageId);
    if (known) this.upsert({ ...known, text: null, deleted_at: known.deleted_at || new Date().toISOString() });
  }

  liveConversation(conversation) {
    if (conversation && this.conversation && conversation.id === this.conversation.id) {
      this.conversation = { ...this.conversation, ...conversation };
    }
  }

  liveTyping(frame) {
    const c = this.conversation;
    if (!c) return;
    let who = null;
    if (frame.from === 'visitor' && frame.contact_id === c.contact_id) who = contactName(c.contact);
    if (frame.from === 'agent' && frame.conversation_id === c.id && frame.member_id !== session.member.id) {
      const member = this.members.find((m) => m.id === frame.member_id);
      who = member ? member.name : 'A teammate';
    }
    if (!who) return;
    this.typing = who;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => { this.typing = null; }, TYPING_SHOWN_MS);
  }

  revealOlder() {
    const log = this.log;
    this.keepFromBottom = log ? log.scrollHeight - log.scrollTop : undefined;
    this.shown += SHOWN_AT_FIRST;
  }

  /** Runs a change of the conversation (assign, resolve, reopen) and shows its outcome. */
  async act(request) {
    this.busy = true;
    this.actionError = null;
    try {
      this.conversation = { ...this.conversation, ...await request() };
      this.changed();
    } catch (e) {
      this.actionError = e;
    } finally {
      this.busy = false;
    }
  }

  assign(memberId) {
    const id = this.conversation.id;
    this.act(() => (memberId ? api.post(`/conversations/${id}/assign`, { member_id: memberId }) : api.post(`/conversations/${id}/unassign`)));
  }

  async deleteMessage() {
    const message = this.deleting;
    this.closeDialog();
    try {
      await api.del(`/messages/${message.id}`);
      this.liveDeletion({ message_id: message.id, conversation_id: message.conversation_id });
    } catch (e) {
      this.actionError = e;
    }
  }

  closeDialog() {
    const dialog = this.querySelector('dialog');
    if (dialog && dialog.open) dialog.close();
    this.deleting = null;
  }

  author(m) {
    if (m.from === 'visitor') return contactName(this.conversation.contact);
    return m.author ? m.author.name : 'Your team';
  }

  message(m) {
    const deleted = !!m.deleted_at;
    const kind = m.from === 'visitor' ? 'visitor' : m.private ? 'note' : 'agent';
    return html`<li class="message ${kind} ${deleted ? 'deleted' : ''}">
      <div class="bubble">
        <p class="meta">
          <span class="author">${this.author(m)}</span>
          ${m.private ? html`<span class="tag">Private note</span>` : nothing}
          ${time(m.created_at)}
        </p>
        ${deleted ? html`<p class="text"><em>This message was deleted</em></p>` : html`<p class="text">${m.text}</p>`}
      </div>
      ${deleted ? nothing : html`<button type="button" class="delete small" aria-label="Delete message"
        title="Delete message" @click=${() => { this.deleting = m; }}>Delete</button>`}
    </li>`;
  }

  header() {
    const c = this.conversation;
    const open = c.status === 'open';
    const app = this.apps.find((a) => a.id === c.app_id);
    const assignee = this.members.find((m) => m.id === c.assignee_id);
    return html`<header class="conversation-head">
      <div class="who">
        <h2>${contactName(c.contact)}</h2>
        <p class="meta">
          <span class="badge ${open ? 'ok' : ''}">${open ? 'Open' : 'Resolved'}</span>
          ${app ? html`<span>${app.name}</span>` : nothing}
          <span>${c.assignee_id ? `Assigned to ${this.mine ? 'you' : assignee ? assignee.name : 'a former member'}` : 'Unassigned'}</span>
        </p>
      </div>
      <div class="actions">
        ${this.mine ? nothing : html`<button type="button" ?disabled=${this.busy} @click=${() => this.assign(session.member.id)}>Assign to me</button>`}
        <label class="visually-hidden" for="conversation-assignee">Assignee</label>
        <select id="conversation-assignee" .value=${current(c.assignee_id || '')} ?disabled=${this.busy} @change=${(e) => this.assign(e.target.value)}>
          <option value="" ?selected=${!c.assignee_id}>Unassigned</option>
          ${this.members.map((m) => html`<option value=${m.id} ?selected=${m.id === c.assignee_id}>${m.id === session.member.id ? `${m.name} (you)` : m.name}</option>`)}
        </select>
        ${open
          ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.act(() => api.post(`/conversations/${c.id}/resolve`))}>Resolve</button>`
          : html`<button type="button" ?disabled=${this.busy} @click=${() => this.act(() => api.post(`/conversations/${c.id}/reopen`))}>Reopen</button>`}
      </div>
    </header>`;
  }

  dialog() {
    if (!this.deleting) return nothing;
    const note = this.deleting.private;
    return html`<dialog class="confirm" aria-labelledby="delete-title" @close=${() => { this.deleting = null; }}>
      <h2 id="delete-title">Delete this message?</h2>
      <p>${note ? 'Your team' : 'The visitor and your team'} will see “This message was deleted” in its place. This cannot be undone.</p>
      <div class="actions">
        <button type="button" @click=${this.closeDialog}>Cancel</button>
        <button type="button" class="danger" @click=${this.deleteMessage}>Delete</button>
      </div>
    </dialog>`;
  }

  render() {
    if (this.error) {
      return html`<section class="conversation-pane"><p class="form-error" role="alert">${this.error.status === 404
        ? 'This conversation does not exist or was deleted.' : this.error.message}</p></section>`;
    }
    if (!this.conversation) return html`<section class="conversation-pane"><p class="empty" role="status">Loading the conversation…</p></section>`;
    const hidden = Math.max(0, this.messages.length - this.shown);
    return html`<section class="conversation-pane" aria-label="Conversation with ${contactName(this.conversation.contact)}">
      ${this.header()}
      ${this.actionError ? html`<p class="form-error" role="alert">${this.actionError.message}</p>` : nothing}
      <div class="history" role="log" aria-label="Messages" tabindex="0" @scroll=${this.scrolled}>
        <ol>
          ${hidden ? html`<li class="history-start">Loading older messages…</li>` : html`<li class="history-start done">Start of the conversation</li>`}
          ${this.messages.slice(hidden).map((m) => this.message(m))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">${this.typing ? `${this.typing} is typing…` : ''}</p>
      <cv-composer .conversationId=${this.conversation.id} @sent=${(e) => this.upsert(e.detail)}></cv-composer>
      ${this.dialog()}
    </section>`;
  }
}
customElements.define('cv-conversation-view', ConversationView);
