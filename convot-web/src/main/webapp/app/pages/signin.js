import { View, html, formError, go } from '../view.js';
import { api } from '../api.js';
import { session } from '../session.js';

/** Sign in with email and password; the token is kept in local storage. */
class SignIn extends View {
  static properties = { error: { state: true }, busy: { state: true } };

  async submit(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.busy = true;
    this.error = null;
    try {
      const signed = await api.post('/auth/login', { email: form.get('email'), password: form.get('password') });
      session.token = signed.token; // /me needs it
      session.signedIn(signed.token, await api.get('/me'));
    } catch (err) {
      this.error = err;
      session.token = null;
      this.busy = false;
    }
  }

  render() {
    return html`
      <section class="auth-card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Convot</h1>
        <form @submit=${this.submit} novalidate>
          <label for="signin-email">Email</label>
          <input id="signin-email" name="email" type="email" autocomplete="username" required>
          <label for="signin-password">Password</label>
          <input id="signin-password" name="password" type="password" autocomplete="current-password" required>
          ${formError(this.error)}
          <button type="submit" class="primary" ?disabled=${this.busy}>Sign in</button>
        </form>
        <p>New to Convot? <a href="#/signup">Create an account</a></p>
      </section>`;
  }
}
customElements.define('cv-signin', SignIn);
