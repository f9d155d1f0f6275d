import { View, html, nothing, stylesheet, fullTime } from '../view.js';
import { live } from 'lit/directives/live.js';
import { api, pages } from '../api.js';
import { session } from '../session.js';
import { confirmAction } from '../components/confirm.js';
import '../components/secret-once.js';
import { fieldMessage, formProblem, invalid, focusInvalid, statusLine } from './settings-forms.js';

stylesheet(import.meta.url);

const ROLES = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };

/** A member as people know them: their name, or their email while the invitation is pending. */
const who = (member) => member.name || member.email;

/**
 * Settings → Team: the members with their role, status and revenue access; inviting (the link to
 * share is shown once); changing roles; granting revenue access; removing. The API's rules decide
 * and the page offers only what they allow: owners and admins manage the team, only owners touch
 * owners or grant revenue access, and nobody changes or removes themselves here.
 */
class SettingsTeam extends View {
  static properties = {
    members: { state: true },
    loadError: { state: true },
    inviteError: { state: true },
    invited: { state: true },
    actionError: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.invited = null;
    this.load();
  }

  async load() {
    this.loadError = null;
    try {
      const all = [];
      const list = pages('/members', {}, 200);
      while (!list.done) all.push(...await list.next());
      this.members = all;
    } catch (err) {
      this.loadError = err;
    }
  }

  isMe(member) {
    return member.id === session.member.id;
  }

  canManage(member) {
    return session.isAdmin && !this.isMe(member) && (member.role !== 'owner' || session.isOwner);
  }

  replace(member) {
    this.members = this.members.map((m) => (m.id === member.id ? member : m));
  }

  async invite(e) {
    e.preventDefault();
    const form = e.target;
    const data = new FormData(form);
    this.busy = 'invite';
    this.inviteError = null;
    this.invited = null;
    try {
      const invited = await api.post('/members', { email: data.get('email'), role: data.get('role') });
      this.invited = invited;
      this.load();
      this.status = `${invited.email} was invited as ${ROLES[invited.role].toLowerCase()}. Share the link below with them.`;
      form.reset();
      this.updateComplete.then(() => this.querySelector('cv-secret-once').focusValue());
    } catch (err) {
      this.inviteError = err;
      focusInvalid(this, form);
    } finally {
      this.busy = null;
    }
  }

  async change(member, changes, success) {
    this.busy = member.id;
    this.actionError = null;
    try {
      const changed = await api.patch(`/members/${member.id}`, changes);
      this.replace(changed);
      this.status = success(changed);
    } catch (err) {
      this.actionError = err;
      this.requestUpdate(); // puts the control back as the member still is
    } finally {
      this.busy = null;
    }
  }

  changeRole(member, role) {
    this.change(member, { role }, (m) => `${who(m)} is now an ${ROLES[m.role].toLowerCase()}.`);
  }

  changeRevenueAccess(member, granted) {
    this.change(member, { permissions: { revenue_access: granted } },
      (m) => (m.permissions.revenue_access ? `${who(m)} can now see revenue.` : `${who(m)} can no longer see revenue.`));
  }

  async removeMember(member) {
    const pending = member.status === 'invited';
    const yes = await confirmAction({
      title: pending ? `Revoke the invitation of ${member.email}?` : `Remove ${who(member)} from the team?`,
      message: pending
        ? html`<p>The invitation link stops working at once.</p>`
        : html`<p>${who(member)} is signed out everywhere at once and can no longer sign in. Conversations assigned to them become unassigned.</p>`,
      confirmLabel: pending ? 'Revoke invitation' : 'Remove member',
    });
    if (!yes) return;
    this.busy = member.id;
    this.actionError = null;
    try {
      await api.del(`/members/${member.id}`);
      this.members = this.members.filter((m) => m.id !== member.id);
      if (this.invited && this.invited.id === member.id) this.invited = null;
      this.status = pending ? `The invitation of ${member.email} was revoked.` : `${who(member)} was removed from the team.`;
    } catch (err) {
      this.actionError = err;
    } finally {
      this.busy = null;
    }
  }

  render() {
    return html`
      <div class="settings-page team-page">
        <header>
          <h1>Team</h1>
          <p>Who answers your customers, and what each of them may do.</p>
        </header>
        ${statusLine(this.status)}
        ${formProblem(this.loadError)}
        ${session.isAdmin ? this.inviteForm() : html`<p class="read-only-notice">Only owners and admins can invite and change members.</p>`}
        ${this.members ? this.table() : html`<p class="muted">Loading the team…</p>`}
      </div>`;
  }

  inviteForm() {
    const error = this.inviteError;
    return html`
      <section class="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite a member</h2>
        <p class="lead">You get a link to send them: with it they choose their name and password and join.</p>
        <form class="invite-form" @submit=${this.invite} novalidate>
          <div class="field-row">
            <div>
              <label for="invite-email">Email</label>
              <input id="invite-email" name="email" type="email" autocomplete="off" required
                aria-invalid=${invalid(error, 'email')} aria-describedby="invite-email-error">
            </div>
            <div class="narrow">
              <label for="invite-role">Role</label>
              <select id="invite-role" name="role" aria-invalid=${invalid(error, 'role')} aria-describedby="invite-role-hint invite-role-error">
                <option value="agent" selected>Agent</option>
                <option value="admin">Admin</option>
                ${session.isOwner ? html`<option value="owner">Owner</option>` : nothing}
              </select>
            </div>
            <div class="narrow"><button type="submit" class="primary" ?disabled=${this.busy === 'invite'}>Invite member</button></div>
          </div>
          ${fieldMessage(error, 'email', 'invite-email-error')}
          ${fieldMessage(error, 'role', 'invite-role-error')}
          <p class="hint" id="invite-role-hint">Agents answer conversations. Admins also manage apps, the team, API keys and
            webhooks. Owners also manage owners and revenue access.</p>
          ${formProblem(error, ['email', 'role'])}
        </form>
        ${this.invited ? html`<cv-secret-once .value=${this.invited.invitation.url} label="Invitation link"
          warning=${`Send it to ${this.invited.email} yourself. It is shown only this once, works once, and expires ${fullTime(this.invited.invitation.expires_at)}.`}
          @done=${() => { this.invited = null; }}></cv-secret-once>` : nothing}
      </section>`;
  }

  table() {
    return html`
      ${formProblem(this.actionError)}
      <table class="team-table" aria-labelledby="team-table-title">
        <caption id="team-table-title">Members <span class="muted">(${this.members.length})</span></caption>
        <thead><tr>
          <th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th>
          <th scope="col">Revenue access</th><th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr></thead>
        <tbody>${this.members.map((m) => this.row(m))}</tbody>
      </table>`;
  }

  row(member) {
    const pending = member.status === 'invited';
    return html`
      <tr>
        <td class="member-name">${member.name || html`<span class="muted">Not joined yet</span>`}${this.isMe(member) ? html` <span class="badge">You</span>` : nothing}</td>
        <td class="member-email">${member.email}</td>
        <td>${this.role(member)}</td>
        <td>${pending ? html`<span class="badge warn">Invited</span>` : html`<span class="badge ok">Active</span>`}</td>
        <td>${this.revenue(member)}</td>
        <td class="row-actions">${this.canManage(member) ? html`<button type="button" class="danger"
          aria-label=${pending ? `Revoke the invitation of ${member.email}` : `Remove ${who(member)}`}
          ?disabled=${this.busy === member.id} @click=${() => this.removeMember(member)}>${pending ? 'Revoke' : 'Remove'}</button>` : nothing}</td>
      </tr>`;
  }

  role(member) {
    if (!this.canManage(member)) return ROLES[member.role];
    const roles = session.isOwner ? ['owner', 'admin', 'agent'] : ['admin', 'agent'];
    return html`<select aria-label=${`Role of ${who(member)}`} ?disabled=${this.busy === member.id}
      @change=${(e) => this.changeRole(member, e.target.value)}>
      ${roles.map((r) => html`<option value=${r} .selected=${live(member.role === r)}>${ROLES[r]}</option>`)}
    </select>`;
  }

  revenue(member) {
    const granted = member.permissions.revenue_access;
    // Owners always see revenue; only an owner grants it to others.
    if (!session.isOwner || member.role === 'owner' || this.isMe(member)) return granted ? 'Yes' : 'No';
    return html`<label class="checkbox revenue-toggle">
      <input type="checkbox" .checked=${live(granted)} ?disabled=${this.busy === member.id}
        @change=${(e) => this.changeRevenueAccess(member, e.target.checked)}>
      <span class="visually-hidden">Revenue access for ${who(member)}</span><span aria-hidden="true">${granted ? 'Yes' : 'No'}</span>
    </label>`;
  }
}
customElements.define('cv-settings-team', SettingsTeam);
