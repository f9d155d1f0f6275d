import { View, html, nothing, stylesheet } from '../view.js';
import { api, ApiError } from '../api.js';
import { session } from '../session.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/**
 * Settings → Organization (owners act, others read): export the organization's data and download
 * it, cancel the organization with the owner's password (it becomes read-only until its data is
 * deleted at `purge_after`), and reactivate it during that grace period.
 */
class SettingsOrganization extends View {
  static properties = {
    state: { state: true }, exportJob: { state: true }, error: { state: true }, busy: { state: true }, status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.status = '';
    this.error = null;
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.poll);
  }

  get owner() {
    return session.member && session.member.role === 'owner';
  }

  async load() {
    try {
      this.state = await api.get('/organization');
    } catch (err) {
      this.error = err;
    }
  }

  async act(work) {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (err) {
      this.error = err;
      focusInvalid(this, this.querySelector('form'));
    } finally {
      this.busy = false;
    }
  }

  startExport() {
    return this.act(async () => {
      this.exportJob = await api.post('/organization/export');
      this.status = 'The export started. It is ready in a moment.';
      this.follow();
    });
  }

  follow() {
    clearTimeout(this.poll);
    const job = this.exportJob;
    if (!job || !['queued', 'running'].includes(job.status)) {
      if (job && job.status === 'ready') this.status = 'The export is ready to download.';
      return;
    }
    this.poll = setTimeout(async () => {
      try {
        this.exportJob = await api.get(`/organization/exports/${job.id}`);
      } catch (err) {
        this.error = err;
        return;
      }
      this.follow();
    }, 1000);
  }

  /** The archive needs the bearer token, so it is fetched here and handed to the browser as a file. */
  download() {
    return this.act(async () => {
      const job = this.exportJob;
      const response = await fetch(`/api/v1/organization/exports/${job.id}/download`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      if (!response.ok) {
        throw new ApiError(response.status, await response.json().catch(() => null));
      }
      const blob = await response.blob();
      const name = `convot-export-${job.created_at.slice(0, 10)}.zip`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      this.status = `Downloaded ${name} (${blob.size} bytes).`;
    });
  }

  cancel(e) {
    e.preventDefault();
    const form = e.target;
    const password = new FormData(form).get('password');
    return this.act(async () => {
      this.state = await api.post('/organization/cancel', { password });
      form.reset();
      this.status = `The organization is cancelled. Its data will be deleted on ${DATE.format(new Date(this.state.purge_after))}.`;
    });
  }

  reactivate() {
    return this.act(async () => {
      this.state = await api.post('/organization/reactivate');
      this.status = 'The organization is active again.';
    });
  }

  exportPanel() {
    const job = this.exportJob;
    return html`
      <section class="panel" aria-labelledby="organization-export-title">
        <h2 id="organization-export-title">Export your data</h2>
        <p>A ZIP of JSON Lines files with every contact, conversation, message and event. It can be downloaded for 7 days.</p>
        ${job ? html`
          <p><label for="organization-export-progress">Export progress</label>
            <progress id="organization-export-progress" max="100" .value=${job.progress}>${job.progress}%</progress>
            <span>${job.status === 'ready' ? 'Ready' : job.status === 'failed' ? 'Failed' : `${job.progress}%`}</span></p>` : nothing}
        <div class="actions">
          <button type="button" ?disabled=${this.busy || !this.owner} @click=${this.startExport}>Export data</button>
          ${job && job.status === 'ready'
            ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.download}>Download export</button>` : nothing}
        </div>
      </section>`;
  }

  cancelPanel() {
    return html`
      <section class="panel danger-zone" aria-labelledby="organization-cancel-title">
        <h2 id="organization-cancel-title">Cancel organization</h2>
        <p>The organization becomes read-only at once: widgets show nothing, webhooks and Shopify syncs stop. After the grace
          period every conversation, contact and setting is deleted for good. Owners can reactivate it until then.</p>
        <form class="cancel-form" @submit=${this.cancel} novalidate>
          <input type="email" name="username" autocomplete="username" .value=${session.member.email} hidden>
          <label for="organization-password">Your password</label>
          <input id="organization-password" name="password" type="password" autocomplete="current-password" required
            aria-invalid=${invalid(this.error, 'password')} aria-describedby="organization-password-error">
          ${fieldMessage(this.error, 'password', 'organization-password-error')}
          <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>Cancel organization</button></div>
        </form>
      </section>`;
  }

  render() {
    const state = this.state;
    const cancelled = state && state.status === 'cancelled';
    return html`
      <div class="settings-page organization-page">
        <header><h1>Organization</h1></header>
        ${statusLine(this.status)}
        ${formProblem(this.error && !(this.error.field && this.error.field("password")) ? this.error : null)}
        ${cancelled ? html`
          <section class="panel notice" aria-labelledby="organization-cancelled-title">
            <h2 id="organization-cancelled-title">This organization is cancelled</h2>
            <p>Its data will be deleted on <strong>${DATE.format(new Date(state.purge_after))}</strong>. Until then it is read-only.</p>
            ${this.owner ? html`<div class="actions">
              <button type="button" class="primary" ?disabled=${this.busy} @click=${this.reactivate}>Reactivate organization</button>
            </div>` : nothing}
          </section>` : nothing}
        ${this.owner ? nothing : html`<p class="hint">Only owners can export, cancel or reactivate the organization.</p>`}
        ${this.owner ? this.exportPanel() : nothing}
        ${this.owner && state && !cancelled ? this.cancelPanel() : nothing}
      </div>`;
  }
}
customElements.define('cv-settings-organization', SettingsOrganization);
