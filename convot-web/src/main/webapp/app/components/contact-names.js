/* How a contact is called across the dashboard: nickname, else email, else external id. */

/** The nickname, else the email, else the external id: what an agent recognises first. */
export function contactName(contact) {
  if (!contact) return 'Anonymous visitor';
  return contact.nickname || contact.email || contact.external_id || 'Anonymous visitor';
}

/** One or two letters for the avatar circle (never an image: only text reaches the page). */
export function initials(contact) {
  const words = contactName(contact).replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0]).join('');
  return (letters || '?').toUpperCase();
}
