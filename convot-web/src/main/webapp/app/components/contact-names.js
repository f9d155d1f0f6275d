/* How a contact is called across the inbox: nickname, else email, else external id, else "Visitor". */

export function contactName(contact) {
  if (!contact) return 'Visitor';
  return contact.nickname || contact.email || contact.external_id || 'Visitor';
}

/** One or two letters for the avatar circle (never an image: only text reaches the page). */
export function initials(contact) {
  const words = contactName(contact).replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0]).join('');
  return (letters || '?').toUpperCase();
}
