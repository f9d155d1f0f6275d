/*
 * How a contact is named and pictured wherever the dashboard lists one. Everything a visitor set
 * (nickname, email, avatar) is rendered as text or as an attribute value, never as markup.
 */
import { html, nothing, stylesheet } from '../view.js';
import { contactName, initials } from './contact-names.js';

export { contactName };

stylesheet(import.meta.url);

/**
 * The contact's avatar over their initials, which show when there is no picture or it cannot be
 * loaded (a broken link, or a page policy that allows no outside images). Decorative: the name is
 * always beside it.
 */
export function avatar(contact, size = 'small') {
  const picture = contact.avatar && /^https?:\/\//i.test(contact.avatar)
    ? html`<img src=${contact.avatar} alt="" referrerpolicy="no-referrer" @error=${(e) => { e.target.hidden = true; }}>`
    : nothing;
  return html`<span class="avatar ${size}" aria-hidden="true">${initials(contact)}${picture}</span>`;
}

/** "Verified" when the app's backend signed the identity (user_hash), else "Unverified". */
export function verifiedBadge(contact) {
  if (!contact.email && !contact.external_id) return nothing;
  return contact.verified
    ? html`<span class="badge ok" title="The app's backend signed this identity">Verified</span>`
    : html`<span class="badge warn" title="The visitor gave this identity; nothing signed it">Unverified</span>`;
}
