/* The organization's apps by id, loaded once per page visit, to name the app of a contact or shop. */
import { html } from '../view.js';
import { api } from '../api.js';

/** Resolves to a Map of app id to app, for pickers and names (an organization has a handful). */
export async function loadApps() {
  const page = await api.get('/apps', { limit: 200 });
  return new Map((page.data || []).map((app) => [app.id, app]));
}

export function appName(apps, id) {
  const app = apps && apps.get(id);
  return app ? app.name : '';
}

/** The options of an app picker: "All apps", then each app. */
export function appOptions(apps, selected) {
  return html`<option value="" ?selected=${!selected}>All apps</option>
    ${[...(apps || new Map()).values()].map((a) => html`<option value=${a.id} ?selected=${a.id === selected}>${a.name}</option>`)}`;
}
