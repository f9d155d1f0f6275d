/*
 * The inbox's list of conversations: who, when, the latest message and the unread count. The next
 * page loads when the end of the list scrolls into view (`more` event); arrow keys move between items.
 */
import { View, html, nothing, stylesheet, time } from '../view.js';
import { contactName, initials } from './contact-names.js';

stylesheet(import.meta.url);

/**
 * The latest message as one line: a deleted one says so, a note and a reply say whose it is. A
 * server that does not send `last_message` at all gets the contact's email there instead.
 */
function preview(c) {
  const last = c.last_message;
  if (last === undefined) return (c.contact && c.contact.email) || '';
  if (!last) return html`<span class="muted">No messages yet</span>`;
  if (last.text === null || last.text === undefined) return html`<em class="muted">This message was deleted</em>`;
  const who = last.private ? 'Note: ' : last.from === 'agent' ? 'Agent: ' : '';
  return html`${who ? html`<span class="who">${who}</span>` : nothing}${last.text}`;
}

class ConversationList extends View {
  static properties = {
    items: { attribute: false },
    view: { attribute: false },
    selected: { attribute: false },
    loading: { attribute: false },
    done: { attribute: false },
    error: { attribute: false },
    apps: { attribute: false },
  };

  constructor() {
    super();
    this.items = [];
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !this.done && !this.loading) {
        this.dispatchEvent(new CustomEvent('more'));
      }
    }, { rootMargin: '200px' });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  updated() {
    // The end marker is re-rendered with the list: watch the current one, and ask again after a page
    // that left it in view (a short page on a tall screen).
    const end = this.querySelector('.list-end');
    this.observer.disconnect();
    if (end) this.observer.observe(end);
  }

  keydown(e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...this.querySelectorAll('a.conversation')];
    const at = links.indexOf(document.activeElement);
    const next = links[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  appName(id) {
    const app = (this.apps || []).find((a) => a.id === id);
    return app ? app.name : '';
  }

  item(c) {
    const unread = typeof c.unread_count === 'number' && c.unread_count > 0;
    const name = contactName(c.contact);
    return html`<li>
      <a class="conversation ${unread ? 'unread' : ''}" href="#/inbox/${this.view}/${c.id}"
        aria-current=${c.id === this.selected ? 'true' : 'false'}>
        <span class="avatar" aria-hidden="true">${initials(c.contact)}</span>
        <span class="line">
          <span class="name">${name}</span>
          ${time(c.last_activity_at || c.last_message_at || c.created_at)}
        </span>
        <span class="line">
          <span class="preview">${preview(c)}</span>
          ${unread ? html`<span class="unread-count">${c.unread_count}<span class="visually-hidden"> unread</span></span>` : nothing}
        </span>
        ${(this.apps || []).length > 1 ? html`<span class="app">${this.appName(c.app_id)}</span>` : nothing}
      </a>
    </li>`;
  }

  render() {
    const items = this.items || [];
    return html`
      <ul class="conversations" aria-label="Conversations" aria-busy=${this.loading ? 'true' : 'false'} @keydown=${this.keydown}>
        ${items.map((c) => this.item(c))}
        ${this.done || this.error ? nothing : html`<li class="list-end" aria-hidden="true"></li>`}
      </ul>
      ${this.loading ? html`<p class="list-status" role="status">Loading conversations…</p>` : nothing}
      ${this.error ? html`<p class="form-error" role="alert">${this.error.message}
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('more'))}>Try again</button></p>` : nothing}
      ${!this.loading && !this.error && this.done && items.length === 0 ? html`<p class="empty">No conversations here.</p>` : nothing}`;
  }
}
customElements.define('cv-conversation-list', ConversationList);
