import { View, html, nothing, stylesheet } from '../view.js';
import { api } from '../api.js';
import { formProblem, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const NEW_CONVERSATION = [
  ['all', 'Every new conversation', 'A mail when a visitor starts a conversation in any app.'],
  ['none', 'No new conversations', 'No mail about new conversations.'],
];

const NEW_MESSAGE = [
  ['assigned', 'In conversations assigned to me', 'A mail when a visitor writes in a conversation assigned to you.'],
  ['all_unassigned', 'Assigned to me, and unassigned ones', 'Also when a visitor writes in a conversation nobody is assigned to.'],
  ['none', 'No new messages', 'No mail about new messages.'],
];

/**
 * Settings → Notifications: the signed-in member's own mail about conversations
 * (`GET|PATCH /me/notifications`). Mail goes only while they are away from the dashboard, a couple
 * of minutes after the message unless they read it meanwhile, at most one per conversation every
 * 10 minutes. Every member has their own; the mails' List-Unsubscribe leads here.
 */
class SettingsNotifications extends View {
  static properties = {
    preferences: { state: true },
    loadError: { state: true },
    error: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.status = '';
    this.load();
  }

  async load() {
    this.loadError = null;
    try {
      this.preferences = await api.get('/me/notifications');
    } catch (err) {
      this.loadError = err;
    }
  }

  async save(e) {
    e.preventDefault();
    const data = new FormData(e.target);
    this.busy = true;
    this.error = null;
    this.status = '';
    try {
      this.preferences = await api.patch('/me/notifications', {
        new_conversation: data.get('new_conversation'),
        new_message: data.get('new_message'),
      });
      this.status = 'Your notification preferences were saved.';
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  choices(name, legend, options, current) {
    return html`
      <fieldset class="notification-choices">
        <legend>${legend}</legend>
        ${options.map(([value, label, hint]) => {
          const id = `notify-${name}-${value}`;
          return html`
            <div class="choice">
              <input type="radio" id=${id} name=${name} value=${value} .checked=${current === value} aria-describedby=${`${id}-hint`}>
              <label for=${id}>${label}</label>
              <p class="hint" id=${`${id}-hint`}>${hint}</p>
            </div>`;
        })}
      </fieldset>`;
  }

  render() {
    const p = this.preferences;
    return html`
      <div class="settings-page notifications-page">
        <header>
          <h1>Notifications</h1>
          <p>What Convot emails you about. You get mail only while you are away from the dashboard: a couple of minutes after a
            visitor writes, unless you read the conversation meanwhile, and at most one mail per conversation every 10 minutes.</p>
        </header>
        ${statusLine(this.status)}
        ${formProblem(this.loadError)}
        ${p ? html`
          <section class="panel" aria-labelledby="notify-email-title">
            <h2 id="notify-email-title">Email</h2>
            <form @submit=${this.save} novalidate>
              ${this.choices('new_conversation', 'New conversations', NEW_CONVERSATION, p.new_conversation)}
              ${this.choices('new_message', 'New messages', NEW_MESSAGE, p.new_message)}
              ${formProblem(this.error)}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>Save preferences</button></div>
            </form>
          </section>` : (this.loadError ? nothing : html`<p class="muted">Loading your preferences…</p>`)}
      </div>`;
  }
}
customElements.define('cv-settings-notifications', SettingsNotifications);
