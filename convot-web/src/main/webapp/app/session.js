/*
 * The signed-in member: the 60-day bearer token (kept in local storage, never in a cookie) and
 * `GET /api/v1/me`. The only state shared across pages besides the live socket.
 */
const KEY = 'convot.token';
const listeners = new Set();

export const session = {
  token: localStorage.getItem(KEY),
  /** `{member, organization}` from /me once loaded, else null. */
  me: null,

  get member() { return this.me && this.me.member; },
  get organization() { return this.me && this.me.organization; },
  get isAdmin() { return ['owner', 'admin'].includes(this.member && this.member.role); },
  get isOwner() { return (this.member && this.member.role) === 'owner'; },
  get revenueAccess() { return !!(this.member && this.member.permissions && this.member.permissions.revenue_access); },

  signedIn(token, me) {
    this.token = token;
    this.me = me;
    localStorage.setItem(KEY, token);
    changed();
  },

  loaded(me) {
    this.me = me;
    changed();
  },

  /** Forgets the token here; the caller signs it out on the server first. */
  clear() {
    this.token = null;
    this.me = null;
    localStorage.removeItem(KEY);
    changed();
  },

  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function changed() {
  listeners.forEach((l) => l(session));
}

// Another tab signed in or out: follow it.
addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  session.token = e.newValue;
  session.me = null;
  changed();
});
