import { View, html, nothing, stylesheet } from '../view.js';
import { api } from '../api.js';
import '../components/copy-button.js';
import { formProblem } from './settings-forms.js';

stylesheet(import.meta.url);

const LANGUAGES = { node: 'Node.js', ruby: 'Ruby', php: 'PHP', python: 'Python' };

/**
 * What to paste to install an app's widget (`GET /apps/{id}/snippet`, which holds no secret): the
 * two script tags, the identify call for signed-in users and the backend code computing their hash.
 */
class AppSnippet extends View {
  static properties = {
    app: { attribute: false },
    snippet: { state: true },
    error: { state: true },
    language: { state: true },
  };

  constructor() {
    super();
    this.language = 'node';
  }

  willUpdate(changed) {
    if (changed.has('app') && (!changed.get('app') || changed.get('app').id !== this.app.id)) this.load();
  }

  async load() {
    this.snippet = null;
    this.error = null;
    try {
      this.snippet = await api.get(`/apps/${this.app.id}/snippet`);
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    return html`
      <section class="panel app-snippet" aria-labelledby="app-snippet-title">
        <h3 id="app-snippet-title">Install the widget</h3>
        ${this.error ? formProblem(this.error) : nothing}
        ${this.snippet ? this.body() : (this.error ? nothing : html`<p class="muted">Loading the snippet…</p>`)}
      </section>`;
  }

  body() {
    const { html: tags, identity_verification: identity } = this.snippet;
    const examples = identity.backend_examples || [];
    const example = examples.find((e) => e.language === this.language) || examples[0];
    return html`
      <p class="lead">Paste these two tags into every page of your app that should show the chat, before <code>&lt;/head&gt;</code>.</p>
      ${this.code('app-snippet-html', 'Widget snippet', tags, 'snippet')}
      <h4>Identify signed-in users</h4>
      <p class="lead">Render this for a signed-in user, with the <code>user_hash</code> your backend computes from the identity secret
        (kept in <code>${identity.secret_variable}</code>)${identity.required ? ': this app requires it' : ''}.</p>
      ${this.code('app-snippet-identify', 'Identify call', identity.identify_html, 'identify call')}
      ${example ? html`
        <div class="snippet-language">
          <label for="app-snippet-language">Backend language</label>
          <select id="app-snippet-language" @change=${(e) => { this.language = e.target.value; }}>
            ${examples.map((e) => html`<option value=${e.language} ?selected=${e === example}>${LANGUAGES[e.language] || e.language}</option>`)}
          </select>
        </div>
        ${this.code('app-snippet-backend', `${LANGUAGES[example.language] || example.language} example`, example.code, `${LANGUAGES[example.language] || example.language} example`)}` : nothing}`;
  }

  code(id, label, text, what) {
    return html`
      <figure class="code-block" aria-labelledby=${`${id}-caption`}>
        <figcaption id=${`${id}-caption`}>${label}</figcaption>
        <cv-copy-button .text=${text} what=${what}></cv-copy-button>
        <pre><code>${text}</code></pre>
      </figure>`;
  }
}
customElements.define('cv-app-snippet', AppSnippet);
