import { View, html, nothing, stylesheet } from '../view.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const ROLES = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };

/**
 * Settings → Account: who is signed in, in which organization, and changing the password
 * (`POST /me/password`), which signs out every other session of the member; this one stays.
 */
class SettingsAccount extends View {
  static properties = { error: { state: true }, busy: { state: true }, status: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.status = '';
    this.error = null;
  }

  async changePassword(e) {
    e.preventDefault();
    const form = e.target;
    const data = new FormData(form);
    this.error = null;
    this.status = '';
    if (data.get('new_password') !== data.get('confirm_password')) {
      this.error = { problem: { errors: [{ field: 'confirm_password', message: 'The two new passwords differ.' }] } };
      focusInvalid(this, form);
      return;
    }
    this.busy = true;
    try {
      await api.post('/me/password', { current_password: data.get('current_password'), new_password: data.get('new_password') });
      form.reset();
      this.status = 'Your password was changed. Your other sessions were signed out; this one stays signed in.';
    } catch (err) {
      this.error = err;
      focusInvalid(this, form);
    } finally {
      this.busy = false;
    }
  }

  password(name, label, autocomplete, hint) {
    const id = `account-${name.replaceAll('_', '-')}`;
    return html`
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type="password" autocomplete=${autocomplete} required
        aria-invalid=${invalid(this.error, name)} aria-describedby=${`${id}-hint ${id}-error`}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${fieldMessage(this.error, name, `${id}-error`)}`;
  }

  render() {
    const { member, organization } = session;
    return html`
      <div class="settings-page account-page">
        <header><h1>Account</h1></header>
        ${statusLine(this.status)}
        <section class="panel" aria-labelledby="account-who-title">
          <h2 id="account-who-title">You</h2>
          <dl class="account-facts">
            <dt>Name</dt><dd>${member.name}</dd>
            <dt>Email</dt><dd>${member.email}</dd>
            <dt>Role</dt><dd>${ROLES[member.role] || member.role}${member.permissions.revenue_access && member.role !== 'owner' ? ', with revenue access' : ''}</dd>
            <dt>Organization</dt><dd>${organization.name}</dd>
          </dl>
        </section>
        <section class="panel" aria-labelledby="account-password-title">
          <h2 id="account-password-title">Change your password</h2>
          <form class="password-form" @submit=${this.changePassword} novalidate>
            <input type="email" name="username" autocomplete="username" .value=${member.email} hidden>
            ${this.password('current_password', 'Current password', 'current-password')}
            ${this.password('new_password', 'New password', 'new-password', 'At least 10 characters. Your other sessions are signed out.')}
            ${this.password('confirm_password', 'Confirm new password', 'new-password')}
            ${formProblem(this.error && this.error.status ? this.error : null, ['current_password', 'new_password'])}
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>Change password</button></div>
          </form>
        </section>
      </div>`;
  }
}
customElements.define('cv-settings-account', SettingsAccount);
