/*
 * The dashboard's routes: hash paths (`#/inbox/open/<id>`), matched with the platform's URLPattern;
 * each page is an ES module loaded when first shown, which defines the element the shell renders.
 */
const routes = [
  { path: '/signin', module: './pages/signin.js', tag: 'cv-signin', public: true },
  { path: '/signup', module: './pages/signup.js', tag: 'cv-signup', public: true },
  { path: '/invite/:token', module: './pages/invite.js', tag: 'cv-invite', public: true },
  { path: '/inbox/:view?/:conversation?', module: './pages/inbox.js', tag: 'cv-inbox', section: 'inbox' },
  { path: '/contacts', module: './pages/contacts.js', tag: 'cv-contacts', section: 'contacts' },
  { path: '/contacts/:contact', module: './pages/contact.js', tag: 'cv-contact-page', section: 'contacts' },
  { path: '/revenue', module: './pages/revenue.js', tag: 'cv-revenue', section: 'revenue' },
  { path: '/reports', module: './pages/reports.js', tag: 'cv-reports', section: 'reports' },
  { path: '/settings', redirect: '/settings/apps' },
  { path: '/settings/apps/:app?', module: './pages/settings-apps.js', tag: 'cv-settings-apps', section: 'settings', settings: 'apps' },
  { path: '/settings/widget/:app?', module: './pages/settings-widget.js', tag: 'cv-settings-widget', section: 'settings', settings: 'widget' },
  { path: '/settings/qualification/:app?', module: './pages/settings-qualification.js', tag: 'cv-settings-qualification', section: 'settings', settings: 'qualification' },
  { path: '/settings/team', module: './pages/settings-team.js', tag: 'cv-settings-team', section: 'settings', settings: 'team' },
  { path: '/settings/api-keys', module: './pages/settings-api-keys.js', tag: 'cv-settings-api-keys', section: 'settings', settings: 'api-keys' },
  { path: '/settings/webhooks/:endpoint?', module: './pages/settings-webhooks.js', tag: 'cv-settings-webhooks', section: 'settings', settings: 'webhooks' },
  { path: '/settings/notifications', module: './pages/settings-notifications.js', tag: 'cv-settings-notifications', section: 'settings', settings: 'notifications' },
  { path: '/settings/channels', module: './pages/settings-channels.js', tag: 'cv-settings-channels', section: 'settings', settings: 'channels' },
  { path: '/settings/help-center', module: './pages/settings-help-center.js', tag: 'cv-settings-help-center', section: 'settings', settings: 'help-center' },
  { path: '/settings/shopify', module: './pages/settings-shopify.js', tag: 'cv-settings-shopify', section: 'settings', settings: 'shopify' },
  { path: '/settings/import', module: './pages/settings-import.js', tag: 'cv-settings-import', section: 'settings', settings: 'import' },
  { path: '/settings/account', module: './pages/settings-account.js', tag: 'cv-settings-account', section: 'settings', settings: 'account' },
  { path: '/settings/organization', module: './pages/settings-organization.js', tag: 'cv-settings-organization', section: 'settings', settings: 'organization' },
].map((r) => ({ ...r, pattern: new URLPattern({ pathname: r.path }) }));

/** The current hash as a path and its query (`#/inbox/open?app=...`). */
export function currentLocation() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path, query: new URLSearchParams(search) };
}

/** `{route, params, query}` for the current hash, or null when no route matches. */
export function resolve() {
  const { path, query } = currentLocation();
  for (const route of routes) {
    const match = route.pattern.exec({ pathname: path });
    if (match) {
      const params = Object.fromEntries(Object.entries(match.pathname.groups).filter(([, v]) => v !== undefined));
      return { route, params, query };
    }
  }
  return null;
}

const loaded = new Map();

/** Loads a route's module once (it defines the route's element). */
export function load(route) {
  if (!loaded.has(route.module)) loaded.set(route.module, import(route.module));
  return loaded.get(route.module);
}
