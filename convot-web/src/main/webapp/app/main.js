/*
 * The dashboard's shell: restores the session, keeps the live connection while signed in, and
 * renders the navigation and the page of the current route.
 */
import { View, html, nothing, go } from './view.js';
import { api, onUnauthorized } from './api.js';
import { session } from './session.js';
import { live } from './live.js';
import { resolve, load, currentLocation } from './router.js';
import './waiting.js';

const SETTINGS = [
  ['apps', 'Apps'],
  ['widget', 'Widget'],
  ['qualification', 'Qualification'],
  ['team', 'Team'],
  ['api-keys', 'API keys'],
  ['webhooks', 'Webhooks'],
  ['notifications', 'Notifications'],
  ['channels', 'Channels'],
  ['help-center', 'Help center'],
  ['shopify', 'Shopify'],
  ['import', 'Import'],
  ['account', 'Account'],
  ['organization', 'Organization'],
];

class ConvotApp extends View {
  static properties = {
    match: { state: true },
    ready: { state: true },
    connection: { state: true },
    notice: { state: true },
    unloadable: { state: true },
    switching: { state: true },
    availabilityError: { state: true },
  };

  constructor() {
    super();
    this.pages = new Map(); // tag -> element, so a page keeps its state while its params change
    this.connection = live.status;
    this.ready = false;
  }

  connectedCallback() {
    this.replaceChildren(); // the page's own "Loading" text; lit renders from here on
    super.connectedCallback();
    addEventListener('hashchange', () => this.route());
    session.subscribe(() => this.sessionChanged());
    live.onStatus((status) => { this.connection = status; });
    live.on('signed_out', () => this.ended('Your session ended. Sign in again.'));
    onUnauthorized(() => this.ended('Your session ended. Sign in again.'));
    this.restore();
  }

  async restore() {
    if (session.token) {
      try {
        session.loaded(await api.get('/me'));
      } catch (e) {
        if (e.status === 401) session.clear();
        else this.notice = e.message;
      }
    }
    this.ready = true;
    this.route();
  }

  sessionChanged() {
    if (session.token && session.me) live.start();
    if (!session.token) {
      live.stop();
      this.pages.clear();
    }
    this.route();
  }

  ended(notice) {
    if (!session.token) return;
    session.clear();
    this.notice = notice;
  }

  async route() {
    if (!this.ready) return;
    const match = resolve();
    const signedIn = !!(session.token && session.me);
    if (!match) return go(signedIn ? '/inbox' : '/signin');
    if (match.route.redirect) return go(match.route.redirect);
    if (!match.route.public && !signedIn) {
      sessionStorage.setItem('convot.after-sign-in', currentLocation().path);
      return go('/signin');
    }
    if (signedIn && (match.route.tag === 'cv-signin' || match.route.tag === 'cv-signup')) {
      const after = sessionStorage.getItem('convot.after-sign-in');
      sessionStorage.removeItem('convot.after-sign-in');
      return go(after && after !== '/signin' ? after : '/inbox');
    }
    if (signedIn) this.notice = null;
    try {
      await load(match.route);
      this.unloadable = null;
    } catch (e) {
      // A page whose module cannot be fetched (offline, a deployment under way) leaves the shell usable.
      this.unloadable = match.route.tag;
      console.error(e);
    }
    this.match = match;
  }

  page() {
    const { route, params, query } = this.match;
    if (this.unloadable === route.tag) {
      return html`<p class="notice" role="alert">This page could not be loaded. Check your connection and reload.</p>`;
    }
    let element = this.pages.get(route.tag);
    if (!element) {
      element = document.createElement(route.tag);
      this.pages.set(route.tag, element);
    }
    element.params = params;
    element.query = query;
    return element;
  }

  async signOut() {
    try {
      await api.post('/auth/logout');
    } catch {
      // signed out here all the same
    }
    session.clear();
    go('/signin');
  }

  render() {
    if (!this.match) return html`<p class="boot">Loading Convot…</p>`;
    const { route } = this.match;
    if (route.public) {
      return html`<main id="main" class="public">${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}${this.page()}</main>`;
    }
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('#main').focus(); }}>Skip to content</a>
      <div class="shell">
        <header class="bar">
          <a class="brand" href="#/inbox" aria-label="Convot, inbox">Convot</a>
          <nav aria-label="Main">
            <ul>
              ${this.link('#/inbox', 'Inbox', route.section === 'inbox')}
              ${this.link('#/contacts', 'Contacts', route.section === 'contacts')}
              ${this.link('#/reports', 'Reports', route.section === 'reports')}
              ${session.revenueAccess ? this.link('#/revenue', 'Revenue', route.section === 'revenue') : nothing}
              ${this.link('#/settings/apps', 'Settings', route.section === 'settings')}
            </ul>
          </nav>
          ${this.connectionBadge()}
          ${this.availabilitySwitch()}
          <button type="button" class="account" popovertarget="account-menu" aria-label=${`Account: ${session.member.name}`}>${session.member.name}</button>
          <div id="account-menu" class="menu" popover>
            <p class="who">${session.member.email}<br><span>${session.organization.name}</span></p>
            <a href="#/settings/account" @click=${() => this.querySelector('#account-menu').hidePopover()}>Account</a>
            <button type="button" @click=${() => this.signOut()}>Sign out</button>
          </div>
        </header>
        ${route.section === 'settings' ? this.settingsNav(route.settings) : nothing}
        <main id="main" tabindex="-1" class=${route.section}>${this.page()}</main>
      </div>`;
  }

  link(href, label, current) {
    return html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${label}</a></li>`;
  }

  settingsNav(current) {
    return html`<nav class="settings-nav" aria-label="Settings"><ul>
      ${SETTINGS.map(([key, label]) => this.link(`#/settings/${key}`, label, key === current))}
    </ul></nav>`;
  }

  /**
   * The member's availability: on, their open dashboard makes their apps available to chat (with
   * office hours open); off (away), it does not. A switch named "Available", its state on or off.
   */
  availabilitySwitch() {
    const on = session.member.availability !== 'away';
    return html`<button type="button" role="switch" class="availability ${on ? 'on' : 'off'}" aria-checked=${on ? 'true' : 'false'}
      title=${on ? 'Visitors can start chats while you are online' : 'Away: you do not make your apps available'}
      ?disabled=${this.switching} @click=${() => this.setAvailability(on ? 'away' : 'available')}>
      <span class="track" aria-hidden="true"><span class="thumb"></span></span>Available</button>
      ${this.availabilityError ? html`<p class="availability-error" role="alert">${this.availabilityError}</p>` : nothing}`;
  }

  async setAvailability(value) {
    this.switching = true;
    try {
      session.loaded(await api.patch('/me', { availability: value }));
      this.availabilityError = null;
    } catch (e) {
      this.availabilityError = `Your availability could not be changed: ${e.message}`;
    } finally {
      this.switching = false;
    }
  }

  connectionBadge() {
    if (this.connection === 'down') return html`<p class="connection down" role="status">Reconnecting…</p>`;
    return html`<p class="connection" role="status"></p>`;
  }
}

customElements.define('cv-app', ConvotApp);
