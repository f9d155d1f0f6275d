import { View, html, fieldError, formError } from '../view.js';
import { api } from '../api.js';
import { session } from '../session.js';

/** Accepts an invitation from its link (`#/invite/<token>`): the new member picks a name and password. */
class Invite extends View {
  static properties = { params: { attribute: false }, error: { state: true }, busy: { state: true } };

  async submit(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.busy = true;
    this.error = null;
    try {
      const accepted = await api.post(`/invitations/${encodeURIComponent(this.params.token)}/accept`,
        { name: form.get('name'), password: form.get('password') });
      session.token = accepted.token;
      session.signedIn(accepted.token, await api.get('/me'));
      location.hash = '#/inbox';
    } catch (err) {
      session.token = null;
      this.error = err;
      this.busy = false;
    }
  }

  render() {
    const fieldErrors = this.error && this.error.problem && (this.error.problem.errors || []).length;
    return html`
      <section class="auth-card" aria-labelledby="invite-title">
        <h1 id="invite-title">Join your team on Convot</h1>
        <p>You were invited. Choose the name your team and your customers see, and a password.</p>
        <form @submit=${this.submit} novalidate>
          <label for="invite-name">Your name</label>
          <input id="invite-name" name="name" type="text" autocomplete="name" required aria-describedby="invite-name-error">
          ${fieldError(this.error, 'name', 'invite-name-error')}
          <label for="invite-password">Password</label>
          <input id="invite-password" name="password" type="password" autocomplete="new-password" required
            aria-describedby="invite-password-hint invite-password-error">
          <p class="hint" id="invite-password-hint">At least 10 characters.</p>
          ${fieldError(this.error, 'password', 'invite-password-error')}
          ${fieldErrors ? '' : formError(this.error)}
          <button type="submit" class="primary" ?disabled=${this.busy}>Join the team</button>
        </form>
      </section>`;
  }
}
customElements.define('cv-invite', Invite);
