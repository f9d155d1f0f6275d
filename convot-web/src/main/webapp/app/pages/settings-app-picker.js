/*
 * What the per-app settings pages (Widget, Qualification) share: the organization's apps, and a
 * select named "App" that moves to the chosen app's page (`#/settings/<page>/<app id>`).
 */
import { html } from '../view.js';
import { pages } from '../api.js';

/** Every app of the organization, oldest first, but those deleted (waiting out their grace period). */
export async function loadApps() {
  const all = [];
  const list = pages('/apps', {}, 200);
  while (!list.done) all.push(...await list.next());
  return all.filter((a) => !a.deleted_at);
}

/** The app of the route, else the first one (the route is then replaced, without a history entry). */
export function chosenApp(apps, params, page) {
  const id = params && params.app;
  const app = id ? apps.find((a) => a.id === id) : apps[0];
  if (!id && app) location.replace(`#/settings/${page}/${app.id}`);
  return app || null;
}

export function appPicker(apps, app, page) {
  return html`<div class="app-picker">
    <label for="app-pick">App</label>
    <select id="app-pick" @change=${(e) => { location.hash = `#/settings/${page}/${e.target.value}`; }}>
      ${apps.map((a) => html`<option value=${a.id} ?selected=${app && a.id === app.id}>${a.name}</option>`)}
    </select>
  </div>`;
}
