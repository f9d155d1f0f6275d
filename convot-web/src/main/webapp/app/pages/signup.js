import { View, html, fieldError, formError } from '../view.js';
import { api } from '../api.js';
import { session } from '../session.js';

/** Creates an organization and its owner, then signs in as the owner. */
class SignUp extends View {
  static properties = { error: { state: true }, busy: { state: true } };

  async submit(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.busy = true;
    this.error = null;
    try {
      const signed = await api.post('/auth/signup', {
        organization_name: form.get('organization_name'), name: form.get('name'),
        email: form.get('email'), password: form.get('password'),
      });
      session.token = signed.token;
      session.signedIn(signed.token, await api.get('/me'));
    } catch (err) {
      session.token = null;
      this.error = err;
      this.busy = false;
    }
  }

  field(name, label, type, autocomplete, hint) {
    const id = `signup-${name}`;
    const message = this.error && this.error.field && this.error.field(name);
    return html`
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${type} autocomplete=${autocomplete} required
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${`${id}-hint ${id}-error`}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : ''}
      ${fieldError(this.error, name, `${id}-error`)}`;
  }

  render() {
    const fieldErrors = this.error && this.error.problem && (this.error.problem.errors || []).length;
    return html`
      <section class="auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title">Create your Convot account</h1>
        <form @submit=${this.submit} novalidate>
          ${this.field('organization_name', 'Company', 'text', 'organization')}
          ${this.field('name', 'Your name', 'text', 'name')}
          ${this.field('email', 'Email', 'email', 'email')}
          ${this.field('password', 'Password', 'password', 'new-password', 'At least 10 characters.')}
          ${fieldErrors ? '' : formError(this.error)}
          <button type="submit" class="primary" ?disabled=${this.busy}>Create account</button>
        </form>
        <p>Already have an account? <a href="#/signin">Sign in</a></p>
      </section>`;
  }
}
customElements.define('cv-signup', SignUp);
