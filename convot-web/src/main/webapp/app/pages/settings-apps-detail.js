import { View, html, nothing, stylesheet, fullTime } from '../view.js';
import { live } from 'lit/directives/live.js';
import { api } from '../api.js';
import { confirmAction } from '../components/confirm.js';
import '../components/copy-button.js';
import { fieldMessage, formProblem, invalid, focusInvalid } from './settings-forms.js';
import './settings-apps-snippet.js';
import './settings-apps-hours.js';

stylesheet(import.meta.url);

/** The widget's own color when an app has none. */
const WIDGET_DEFAULT_COLOR = '#2563eb';

/**
 * One app's settings, each section saved on its own (JSON Merge Patch of just its fields): details,
 * the snippet, identity verification, allowed origins, office hours, and deleting the app.
 * Fires `app-changed` (the app as the API now answers it), `app-deleted` and `status` (what succeeded).
 * Agents see it read-only.
 */
class AppSettings extends View {
  static properties = {
    app: { attribute: false },
    canEdit: { attribute: false },
    errors: { state: true },
    busy: { state: true },
    secretShown: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  /** Saves `changes` for one section; on a refusal keeps the error for that section's fields. */
  async save(section, changes, success) {
    this.busy = section;
    this.errors = { ...this.errors, [section]: null };
    try {
      const app = await api.patch(`/apps/${this.app.id}`, changes);
      this.emit('app-changed', app);
      this.emit('status', success(app));
      return true;
    } catch (err) {
      this.errors = { ...this.errors, [section]: err };
      focusInvalid(this, this.querySelector(`[data-section="${section}"]`));
      return false;
    } finally {
      this.busy = null;
    }
  }

  saveDetails(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    this.save('details', { name: form.get('name'), theme_color: form.get('theme_color') }, () => 'The app\'s details were saved.');
  }

  async toggleVerification(e) {
    const required = e.target.checked;
    if (required && !await confirmAction({
      title: 'Require identity verification?',
      message: html`<p>From now on the widget refuses every visitor your backend has not signed with a
        <code>user_hash</code>: anonymous visitors cannot chat, and unverified visitors chatting now are disconnected.</p>
        <p>Make sure your app's pages send <code>user_hash</code> first.</p>`,
      confirmLabel: 'Require verification',
      destructive: false,
    })) {
      this.requestUpdate(); // puts the checkbox back
      return;
    }
    this.save('verification', { require_identity_verification: required }, (app) => (app.require_identity_verification
      ? 'Identity verification is required: unsigned visitors are refused.'
      : 'Identity verification is optional: anonymous and unsigned visitors can chat again.'));
  }

  async rotate() {
    const yes = await confirmAction({
      title: 'Rotate the identity secret?',
      message: html`<p>A new secret replaces the current one at once. For a grace period the current secret keeps
        verifying too, so signed-in visitors are not refused while you deploy the new one to your servers
        as <code>CONVOT_IDENTITY_SECRET</code>. After it, hashes made with the old secret are refused.</p>`,
      confirmLabel: 'Issue a new secret',
      destructive: false,
    });
    if (!yes) return;
    this.busy = 'secret';
    this.errors = { ...this.errors, secret: null };
    try {
      const app = await api.post(`/apps/${this.app.id}/identity-secret/rotate`);
      this.secretShown = true;
      this.emit('app-changed', app);
      this.emit('status', `A new identity secret was issued. The previous one keeps verifying until ${fullTime(app.previous_identity_secret_valid_until)}.`);
    } catch (err) {
      this.errors = { ...this.errors, secret: err };
    } finally {
      this.busy = null;
    }
  }

  addOrigin(e) {
    e.preventDefault();
    const input = e.target.elements.origin;
    const origin = input.value.trim();
    this.save('origins', { allowed_origins: [...this.app.allowed_origins, origin] }, () => `${origin} may now embed the widget.`)
      .then((saved) => { if (saved) input.value = ''; });
  }

  removeOrigin(origin) {
    this.save('origins', { allowed_origins: this.app.allowed_origins.filter((o) => o !== origin) },
      () => `${origin} may no longer embed the widget.`);
  }

  saveHours(hours) {
    return this.save('hours', { office_hours: hours }, (app) => (app.office_hours
      ? 'Office hours were saved: outside them the widget says you reply by email.'
      : 'Office hours were removed: the widget shows you as available at all times.'));
  }

  async deleteApp() {
    const app = this.app;
    const yes = await confirmAction({
      title: `Delete “${app.name}”?`,
      message: html`<p>The widget stops loading on every page that embeds it and visitors chatting now are disconnected.
        After 7 days the app's contacts, conversations and messages are deleted with it; until then you can restore it.</p>`,
      confirmLabel: 'Delete this app',
      typeToConfirm: app.name,
    });
    if (!yes) return;
    this.busy = 'delete';
    try {
      await api.del(`/apps/${app.id}`);
      this.emit('app-deleted', app);
    } catch (err) {
      this.errors = { ...this.errors, delete: err };
      this.busy = null;
    }
  }

  render() {
    const app = this.app;
    return html`
      <section class="app-settings" aria-labelledby="app-title">
        <h2 id="app-title" class="app-title">${app.name}</h2>
        ${this.canEdit ? nothing : html`<p class="read-only-notice">Only owners and admins can change an app's settings.
          You can copy its snippet.</p>`}
        ${this.details()}
        <cv-app-snippet .app=${app}></cv-app-snippet>
        ${this.verification()}
        ${this.origins()}
        <cv-office-hours .hours=${app.office_hours} .error=${this.errors.hours} .busy=${this.busy === 'hours'}
          .readOnly=${!this.canEdit} .save=${(hours) => this.saveHours(hours)}></cv-office-hours>
        ${this.canEdit ? this.danger() : nothing}
      </section>`;
  }

  details() {
    const app = this.app;
    const error = this.errors.details;
    return html`
      <section class="panel" aria-labelledby="app-details-title" data-section="details">
        <h3 id="app-details-title">Details</h3>
        <form @submit=${this.saveDetails} novalidate>
          <fieldset ?disabled=${!this.canEdit}>
            <legend class="visually-hidden">The app's details</legend>
            <div class="field-row">
              <div>
                <label for="app-name">App name</label>
                <input id="app-name" name="name" type="text" maxlength="100" autocomplete="off" .value=${app.name}
                  aria-invalid=${invalid(error, 'name')} aria-describedby="app-name-error">
                ${fieldMessage(error, 'name', 'app-name-error')}
              </div>
              <div class="narrow">
                <label for="app-theme">Theme color</label>
                <input id="app-theme" name="theme_color" type="color" .value=${app.theme_color || WIDGET_DEFAULT_COLOR}
                  aria-invalid=${invalid(error, 'theme_color')} aria-describedby="app-theme-hint app-theme-error">
              </div>
            </div>
            <p class="hint" id="app-theme-hint">The widget's launcher and your team's messages take this color${app.theme_color ? '' : ' (now the widget\'s default)'}.</p>
            ${fieldMessage(error, 'theme_color', 'app-theme-error')}
            ${formProblem(error, ['name', 'theme_color'])}
            ${this.canEdit ? html`<div class="actions"><button type="submit" class="primary" ?disabled=${this.busy === 'details'}>Save details</button></div>` : nothing}
          </fieldset>
        </form>
        <dl class="app-facts">
          <dt>App key</dt>
          <dd><code>${app.app_key}</code> <cv-copy-button .text=${app.app_key} what="app key"></cv-copy-button></dd>
          <dt>Created</dt>
          <dd>${fullTime(app.created_at)}</dd>
        </dl>
      </section>`;
  }

  verification() {
    const app = this.app;
    return html`
      <section class="panel" aria-labelledby="app-verification-title" data-section="verification">
        <h3 id="app-verification-title">Identity verification</h3>
        <p class="lead">Your backend signs each signed-in user's <code>external_id</code> (or email) with the identity secret:
          the widget then knows the visitor is who your app says, and agents see a verified badge.</p>
        ${this.canEdit ? this.secret() : nothing}
        <label class="checkbox">
          <input type="checkbox" .checked=${live(app.require_identity_verification)} ?disabled=${!this.canEdit || this.busy === 'verification'}
            aria-describedby="app-verification-hint" @change=${this.toggleVerification}>
          Require identity verification
        </label>
        <p class="hint" id="app-verification-hint">When on, unsigned visitors are refused: anonymous visitors and visitors
          without a valid <code>user_hash</code> cannot start or continue a chat.</p>
        ${formProblem(this.errors.verification)}
      </section>`;
  }

  secret() {
    const app = this.app;
    return html`
      <div class="secret-block">
        <div class="secret-line">
          ${this.secretShown
            ? html`<label for="app-secret" class="secret-label">Identity secret</label>
                <input id="app-secret" class="secret" type="text" readonly spellcheck="false" .value=${app.identity_secret}
                  @focus=${(e) => e.target.select()}>
                <cv-copy-button .text=${app.identity_secret} what="identity secret"></cv-copy-button>`
            : html`<span class="secret-label">Identity secret</span><span class="secret masked" aria-hidden="true">••••••••••••••••••••••••</span>`}
          <button type="button" aria-expanded=${this.secretShown ? 'true' : 'false'}
            @click=${() => { this.secretShown = !this.secretShown; }}>${this.secretShown ? 'Hide secret' : 'Reveal secret'}</button>
          <button type="button" @click=${this.rotate} ?disabled=${this.busy === 'secret'}>Rotate secret</button>
        </div>
        <p class="hint">Keep it on your servers only (the snippet's examples read it from <code>CONVOT_IDENTITY_SECRET</code>);
          never put it in a page.</p>
        ${app.previous_identity_secret_valid_until ? html`<p class="grace">The previous secret still verifies until
          <strong>${fullTime(app.previous_identity_secret_valid_until)}</strong>. Deploy the new one before then: after it,
          visitors signed with the old secret are refused.</p>` : nothing}
        ${formProblem(this.errors.secret)}
      </div>`;
  }

  origins() {
    const app = this.app;
    const error = this.errors.origins;
    return html`
      <section class="panel" aria-labelledby="app-origins-title" data-section="origins">
        <h3 id="app-origins-title">Allowed origins</h3>
        <p class="lead">The widget loads only on pages of these origins. <code>https://*.myshopify.com</code> covers every
          Shopify store's admin.</p>
        ${app.allowed_origins.length
          ? html`<ul class="origins" aria-labelledby="app-origins-title">${app.allowed_origins.map((origin) => html`
              <li><code>${origin}</code>${this.canEdit ? html`<button type="button" class="link-button"
                aria-label=${`Remove ${origin}`} ?disabled=${this.busy === 'origins'}
                @click=${() => this.removeOrigin(origin)}>Remove</button>` : nothing}</li>`)}</ul>`
          : html`<p class="notice">No origin is allowed: the widget loads on no page.</p>`}
        ${this.canEdit ? html`
          <form class="add-origin" @submit=${this.addOrigin} novalidate>
            <label for="app-origin">Origin</label>
            <div class="field-row">
              <div>
                <input id="app-origin" name="origin" type="url" placeholder="https://app.example.com" autocomplete="off" spellcheck="false"
                  aria-invalid=${invalid(error, 'allowed_origins')} aria-describedby="app-origin-hint app-origin-error">
              </div>
              <div class="narrow"><button type="submit" ?disabled=${this.busy === 'origins'}>Add origin</button></div>
            </div>
            <p class="hint" id="app-origin-hint">A scheme and host, with a port if not the usual one, and no path:
              https://app.example.com, http://localhost:3000, or https://*.example.com for every subdomain.</p>
            ${fieldMessage(error, 'allowed_origins', 'app-origin-error')}
            ${formProblem(error, ['allowed_origins'])}
          </form>` : nothing}
      </section>`;
  }

  danger() {
    return html`
      <section class="panel danger-zone" aria-labelledby="app-delete-title">
        <h3 id="app-delete-title">Delete this app</h3>
        <p class="lead">Its widget stops loading at once. After 7 days its contacts, conversations and messages are deleted; until then it can be restored.</p>
        <button type="button" class="danger" @click=${this.deleteApp} ?disabled=${this.busy === 'delete'}>Delete app</button>
        ${formProblem(this.errors.delete)}
      </section>`;
  }
}
customElements.define('cv-app-settings', AppSettings);
