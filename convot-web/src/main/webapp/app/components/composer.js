/*
 * Writes a reply or a private note. Enter sends, Shift+Enter starts a new line. While the agent types
 * a reply (never a note: the visitor must not learn of it) the visitor and the team are told, at
 * most once every two seconds. Each conversation keeps its own draft while the page is open.
 */
import { View, html, nothing, stylesheet } from '../view.js';
import { api } from '../api.js';
import { live } from '../live.js';

stylesheet(import.meta.url);

const TYPING_EVERY_MS = 2000;
const drafts = new Map(); // conversation id -> {text, note}

class Composer extends View {
  static properties = {
    conversationId: { attribute: false },
    text: { state: true },
    note: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.text = '';
    this.note = false;
    this.typingSentAt = 0;
  }

  willUpdate(changed) {
    if (changed.has('conversationId')) {
      const previous = changed.get('conversationId');
      if (previous) drafts.set(previous, { text: this.text, note: this.note });
      const draft = drafts.get(this.conversationId) || { text: '', note: false };
      this.text = draft.text;
      this.note = draft.note;
      this.error = null;
      this.typingSentAt = 0;
    }
  }

  input(e) {
    this.text = e.target.value;
    const now = Date.now();
    if (!this.note && this.text.trim() && now - this.typingSentAt >= TYPING_EVERY_MS) {
      this.typingSentAt = now;
      live.typing(this.conversationId);
    }
  }

  keydown(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.send();
    }
  }

  async send(e) {
    if (e) e.preventDefault();
    const text = this.text;
    if (!text.trim() || this.busy) return;
    const id = this.conversationId;
    this.busy = true;
    this.error = null;
    try {
      const message = await api.post(`/conversations/${id}/messages`, { text, private: this.note });
      if (this.conversationId === id) this.text = '';
      else drafts.delete(id);
      this.dispatchEvent(new CustomEvent('sent', { detail: message }));
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
    this.querySelector('textarea').focus();
  }

  render() {
    const placeholder = this.note ? 'Write a private note: only your team sees it' : 'Write a reply… (Enter sends, Shift+Enter adds a line)';
    return html`
      <form class="composer ${this.note ? 'note' : ''}" @submit=${this.send}>
        <label class="visually-hidden" for="composer-text">Reply</label>
        <textarea id="composer-text" rows="3" maxlength="10000" placeholder=${placeholder}
          aria-describedby=${this.error ? 'composer-error' : nothing}
          .value=${this.text} @input=${this.input} @keydown=${this.keydown}></textarea>
        ${this.error ? html`<p class="form-error" id="composer-error" role="alert">${this.error.field && this.error.field('text') || this.error.message}</p>` : nothing}
        <div class="composer-bar">
          <label class="checkbox note-toggle">
            <input type="checkbox" .checked=${this.note} @change=${(e) => { this.note = e.target.checked; }}>
            Private note
          </label>
          <button type="submit" class="primary" ?disabled=${this.busy || !this.text.trim()}>Send</button>
        </div>
      </form>`;
  }
}
customElements.define('cv-composer', Composer);
