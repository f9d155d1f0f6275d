import { View, html, nothing, stylesheet, time } from '../view.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';
import '../components/copy-button.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const EMPTY = { title: '', slug: '', category: '', locale: 'en', body_markdown: '', status: 'draft' };
const STATUS_LABELS = { pending: 'Pending', missing: 'Missing', error: 'Error', verified: 'Verified' };

/**
 * Settings → Help center: an app's articles beside the editor (Markdown with a live preview that the
 * server renders and sanitizes exactly as it will publish it), publishing and unpublishing, and the
 * custom domain with the DNS record to create, its verification and what it found. The preview's
 * HTML is the server's sanitized rendering: the only markup this page does not build itself.
 * Agents read; owners and admins write.
 */
class SettingsHelpCenter extends View {
  static properties = {
    apps: { state: true },
    appId: { state: true },
    articles: { state: true },
    editing: { state: true },
    draft: { state: true },
    preview: { state: true },
    domain: { state: true },
    loadError: { state: true },
    saveError: { state: true },
    domainError: { state: true },
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
      const all = [];
      const list = pages('/apps', {}, 200);
      while (!list.done) all.push(...await list.next());
      this.apps = all;
      if (all.length) await this.choose(all[0].id);
    } catch (err) {
      this.loadError = err;
    }
  }

  get app() {
    return (this.apps || []).find((a) => a.id === this.appId);
  }

  async choose(appId) {
    this.appId = appId;
    this.articles = null;
    this.domain = undefined;
    this.newArticle(false);
    try {
      const all = [];
      const list = pages(`/apps/${appId}/articles`, {}, 200);
      while (!list.done) all.push(...await list.next());
      this.articles = all;
    } catch (err) {
      this.loadError = err;
    }
    try {
      this.domain = await api.get(`/apps/${appId}/help-center/domain`);
    } catch (err) {
      if (err.status === 404) this.domain = null;
      else this.domainError = err;
    }
  }

  newArticle(focus = true) {
    this.editing = null;
    this.draft = { ...EMPTY };
    this.preview = '';
    this.saveError = null;
    if (focus) this.updateComplete.then(() => this.querySelector('#article-title')?.focus());
  }

  edit(article) {
    this.editing = article;
    this.draft = { ...EMPTY, ...article, category: article.category || '' };
    this.preview = article.body_html;
    this.saveError = null;
  }

  field(name, value) {
    this.draft = { ...this.draft, [name]: value };
    if (name === 'body_markdown') this.schedulePreview();
  }

  schedulePreview() {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(async () => {
      const markdown = this.draft.body_markdown;
      try {
        const rendered = await api.post('/articles/preview', { body_markdown: markdown });
        if (markdown === this.draft.body_markdown) this.preview = rendered.body_html;
      } catch {
        /* the preview waits for the next change */
      }
    }, 250);
  }

  body(status) {
    const d = this.draft;
    const body = { title: d.title, body_markdown: d.body_markdown, category: d.category.trim() || null, locale: d.locale || 'en', status };
    if (d.slug.trim()) body.slug = d.slug.trim();
    return body;
  }

  async save(e, status = this.draft.status) {
    if (e) e.preventDefault();
    this.busy = 'save';
    this.saveError = null;
    try {
      const saved = this.editing
        ? await api.patch(`/articles/${this.editing.id}`, this.body(status))
        : await api.post(`/apps/${this.appId}/articles`, this.body(status));
      this.articles = this.editing ? this.articles.map((a) => (a.id === saved.id ? saved : a)) : [...this.articles, saved];
      const was = this.editing && this.editing.status;
      this.edit(saved);
      this.status = saved.status === 'published'
        ? (was === 'published' ? `“${saved.title}” was saved and is live.` : `“${saved.title}” is published.`)
        : (was === 'published' ? `“${saved.title}” was unpublished: it is a draft again.` : `“${saved.title}” was saved as a draft.`);
    } catch (err) {
      this.saveError = err;
      focusInvalid(this, this.querySelector('.article-form'));
    } finally {
      this.busy = null;
    }
  }

  async remove() {
    const article = this.editing;
    const yes = await confirmAction({
      title: `Delete “${article.title}”?`,
      message: html`<p>It disappears from the help center and from search at once. This cannot be undone.</p>`,
      confirmLabel: 'Delete article',
    });
    if (!yes) return;
    try {
      await api.del(`/articles/${article.id}`);
      this.articles = this.articles.filter((a) => a.id !== article.id);
      this.newArticle(false);
      this.status = `“${article.title}” was deleted.`;
    } catch (err) {
      this.saveError = err;
    }
  }

  async saveDomain(e) {
    e.preventDefault();
    this.busy = 'domain';
    this.domainError = null;
    try {
      this.domain = await api.put(`/apps/${this.appId}/help-center/domain`, { hostname: new FormData(e.target).get('hostname') });
      this.status = `Create the CNAME record for ${this.domain.hostname}, then verify the domain setup.`;
    } catch (err) {
      this.domainError = err;
      focusInvalid(this, e.target);
    } finally {
      this.busy = null;
    }
  }

  async verify() {
    this.busy = 'verify';
    this.domainError = null;
    try {
      this.domain = await api.post(`/apps/${this.appId}/help-center/domain/verify`);
      this.status = `Domain status: ${STATUS_LABELS[this.domain.status]}.`;
    } catch (err) {
      this.domainError = err;
    } finally {
      this.busy = null;
    }
  }

  async removeDomain() {
    const yes = await confirmAction({
      title: `Remove ${this.domain.hostname}?`,
      message: html`<p>The help center stops answering on this domain. It stays available at its Convot address.</p>`,
      confirmLabel: 'Remove domain',
    });
    if (!yes) return;
    try {
      await api.del(`/apps/${this.appId}/help-center/domain`);
      this.domain = null;
      this.status = 'The custom domain was removed.';
    } catch (err) {
      this.domainError = err;
    }
  }

  render() {
    return html`
      <div class="settings-page help-center-page">
        <header>
          <h1>Help center</h1>
          <p>Articles your users read on your public help center and search from the chat widget.</p>
        </header>
        ${statusLine(this.status)}
        ${formProblem(this.loadError)}
        ${this.apps ? this.content() : (this.loadError ? nothing : html`<p class="muted">Loading…</p>`)}
      </div>`;
  }

  content() {
    if (!this.apps.length) return html`<p class="empty panel">Create an app first: each app has its own help center.</p>`;
    const app = this.app;
    return html`
      <div class="help-app-bar">
        ${this.apps.length > 1 ? html`<label for="help-app">App</label>
          <select id="help-app" @change=${(e) => this.choose(e.target.value)}>
            ${this.apps.map((a) => html`<option value=${a.id} ?selected=${a.id === this.appId}>${a.name}</option>`)}
          </select>` : html`<p class="muted">App: ${app.name}</p>`}
        ${app ? html`<a href=${`/help/${encodeURIComponent(app.app_key)}/`} target="_blank" rel="noopener">View the public help center</a>` : nothing}
      </div>
      ${session.isAdmin ? nothing : html`<p class="read-only-notice">Only owners and admins can write articles and set the domain.</p>`}
      <div class="help-columns">
        ${this.list()}
        ${this.editor()}
      </div>
      ${this.domainPanel()}`;
  }

  list() {
    return html`
      <section class="panel article-list" aria-labelledby="articles-title">
        <div class="list-head">
          <h2 id="articles-title">Articles</h2>
          ${session.isAdmin ? html`<button type="button" @click=${() => this.newArticle()}>New article</button>` : nothing}
        </div>
        ${!this.articles ? html`<p class="muted">Loading articles…</p>`
          : !this.articles.length ? html`<p class="muted">No articles yet. Write the answers your users ask for most.</p>`
          : html`<ul>${this.articles.map((a) => html`
            <li>
              <button type="button" class="article-pick" aria-current=${this.editing && this.editing.id === a.id ? 'true' : 'false'}
                @click=${() => this.edit(a)}>${a.title}</button>
              <span class=${`badge ${a.status}`}>${a.status === 'published' ? 'Published' : 'Draft'}</span>
              <span class="muted">${a.locale}${a.category ? html` · ${a.category}` : nothing}</span>
            </li>`)}</ul>`}
      </section>`;
  }

  editor() {
    const d = this.draft;
    const error = this.saveError;
    const readOnly = !session.isAdmin;
    const published = this.editing && this.editing.status === 'published';
    return html`
      <section class="panel article-editor" aria-labelledby="editor-title">
        <h2 id="editor-title">${this.editing ? `Edit “${this.editing.title}”` : 'New article'}</h2>
        ${this.editing ? html`<p class="muted">${published ? html`Published ${time(this.editing.published_at)}` : 'Draft: not public'}
          · updated ${time(this.editing.updated_at)}</p>` : nothing}
        <form class="article-form" @submit=${(e) => this.save(e)} novalidate>
          <label for="article-title">Title</label>
          <input id="article-title" type="text" maxlength="200" .value=${d.title} ?readonly=${readOnly} required
            @input=${(e) => this.field('title', e.target.value)} aria-invalid=${invalid(error, 'title')} aria-describedby="article-title-error">
          ${fieldMessage(error, 'title', 'article-title-error')}
          <div class="field-row">
            <div>
              <label for="article-slug">Slug</label>
              <input id="article-slug" type="text" maxlength="100" .value=${d.slug} ?readonly=${readOnly} placeholder="made from the title"
                @input=${(e) => this.field('slug', e.target.value)} aria-invalid=${invalid(error, 'slug')} aria-describedby="article-slug-error">
              ${fieldMessage(error, 'slug', 'article-slug-error')}
            </div>
            <div>
              <label for="article-category">Category</label>
              <input id="article-category" type="text" maxlength="100" .value=${d.category} ?readonly=${readOnly} placeholder="Billing"
                @input=${(e) => this.field('category', e.target.value)} aria-invalid=${invalid(error, 'category')} aria-describedby="article-category-error">
              ${fieldMessage(error, 'category', 'article-category-error')}
            </div>
            <div class="narrow">
              <label for="article-locale">Locale</label>
              <input id="article-locale" type="text" maxlength="6" size="6" .value=${d.locale} ?readonly=${readOnly}
                @input=${(e) => this.field('locale', e.target.value)} aria-invalid=${invalid(error, 'locale')} aria-describedby="article-locale-error">
              ${fieldMessage(error, 'locale', 'article-locale-error')}
            </div>
          </div>
          <div class="body-and-preview">
            <div>
              <label for="article-body">Body (Markdown)</label>
              <textarea id="article-body" rows="14" .value=${d.body_markdown} ?readonly=${readOnly}
                @input=${(e) => this.field('body_markdown', e.target.value)} aria-invalid=${invalid(error, 'body_markdown')}
                aria-describedby="article-body-error"></textarea>
              ${fieldMessage(error, 'body_markdown', 'article-body-error')}
            </div>
            <section class="article-preview" aria-labelledby="preview-title">
              <h3 id="preview-title">Preview</h3>
              <div class="preview-body">${this.preview ? unsafeHTML(this.preview) : html`<p class="muted">The article as readers will see it.</p>`}</div>
            </section>
          </div>
          ${formProblem(error, ['title', 'slug', 'category', 'locale', 'body_markdown'])}
          ${readOnly ? nothing : html`<div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy === 'save'}>Save article</button>
            ${published
              ? html`<button type="button" ?disabled=${this.busy === 'save'} @click=${() => this.save(null, 'draft')}>Unpublish</button>`
              : html`<button type="button" ?disabled=${this.busy === 'save'} @click=${() => this.save(null, 'published')}>Publish</button>`}
            ${this.editing ? html`<button type="button" class="danger" @click=${() => this.remove()}>Delete article</button>` : nothing}
          </div>`}
        </form>
      </section>`;
  }

  domainPanel() {
    const domain = this.domain;
    const error = this.domainError;
    return html`
      <section class="panel domain-panel" aria-labelledby="domain-title">
        <h2 id="domain-title">Custom domain</h2>
        <p class="lead">Serve the help center on your own domain, such as help.your-app.com. Convot checks the DNS record and says what is wrong if it is not right.</p>
        ${session.isAdmin ? html`
          <form class="domain-form" @submit=${(e) => this.saveDomain(e)} novalidate>
            <div class="field-row">
              <div>
                <label for="domain-hostname">Hostname</label>
                <input id="domain-hostname" name="hostname" type="text" maxlength="253" autocomplete="off" placeholder="help.your-app.com"
                  .value=${domain ? domain.hostname : ''} aria-invalid=${invalid(error, 'hostname')} aria-describedby="domain-hostname-error">
              </div>
              <div class="narrow"><button type="submit" ?disabled=${this.busy === 'domain'}>Save domain</button></div>
            </div>
            ${fieldMessage(error, 'hostname', 'domain-hostname-error')}
          </form>` : nothing}
        ${formProblem(error, ['hostname'])}
        ${domain === undefined ? nothing : domain === null ? html`<p class="muted">No custom domain.</p>` : this.domainState(domain)}
      </section>`;
  }

  domainState(domain) {
    return html`
      <table class="dns-record">
        <caption>DNS record to create</caption>
        <thead><tr><th scope="col">Type</th><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
        <tbody><tr>
          <td>${domain.record.type}</td>
          <td><code>${domain.record.name}</code></td>
          <td><code>${domain.record.value}</code> <cv-copy-button .text=${domain.record.value} what="record value"></cv-copy-button></td>
        </tr></tbody>
      </table>
      <div class="domain-status" role="group" aria-labelledby="domain-status-label">
        <p><span id="domain-status-label">Status:</span> <strong class=${`domain-${domain.status}`}>${STATUS_LABELS[domain.status] || domain.status}</strong>
          ${domain.checked_at ? html`<span class="muted">· checked ${time(domain.checked_at)}</span>` : nothing}</p>
        ${domain.explanation ? html`<p class="explanation">${domain.explanation}</p>` : nothing}
        ${domain.url ? html`<p>Live at <a href=${domain.url} target="_blank" rel="noopener">${domain.url}</a></p>` : nothing}
      </div>
      ${session.isAdmin ? html`<div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy === 'verify'} @click=${() => this.verify()}>Verify domain setup</button>
        <button type="button" class="danger" @click=${() => this.removeDomain()}>Remove domain</button>
      </div>` : nothing}`;
  }
}
customElements.define('cv-settings-help-center', SettingsHelpCenter);
