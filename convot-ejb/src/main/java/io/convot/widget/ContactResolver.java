package io.convot.widget;

import io.convot.contact.Contact;
import io.convot.contact.ContactChange;
import io.convot.contact.ContactView;
import io.convot.contact.Identity;
import io.convot.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Decides which contact a session talks as. A verified identity is one contact across devices; an
 * unverified one never reaches a verified contact's history; a different person on the same
 * browser gets a contact of their own.
 */
@ApplicationScoped
class ContactResolver {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Outbox outbox;

  /** The contact for {@code identity}, starting from the session's current contact (or none). */
  Contact resolve(UUID appId, Contact current, Identity identity, boolean verified) {
    if (verified) {
      Contact known = verifiedContact(appId, identity);
      if (known != null) {
        return known;
      }
    }
    if (current != null && canBecome(current, identity, verified)) {
      identify(current, identity, verified);
      return current;
    }
    Contact contact = new Contact(appId);
    em.persist(contact);
    outbox.record(new ContactChange.ContactCreated(appId, ContactView.of(contact)));
    identify(contact, identity, verified);
    return contact;
  }

  /** An unverified session may keep its own contact unless that contact is someone else, or verified. */
  private static boolean canBecome(Contact current, Identity identity, boolean verified) {
    if (current.identity().conflictsWith(identity)) {
      return false;
    }
    return identity.isCoveredBy(current.identity()) || verified || !current.verified();
  }

  private void identify(Contact contact, Identity identity, boolean verified) {
    if (contact.identify(identity, verified)) {
      outbox.record(new ContactChange.ContactIdentified(contact.appId(), ContactView.of(contact), contact.verified()));
    }
  }

  private Contact verifiedContact(UUID appId, Identity identity) {
    String query = identity.externalId() != null
        ? "SELECT c FROM Contact c WHERE c.appId = :appId AND c.verified = TRUE AND c.deletedAt IS NULL AND c.externalId = :value"
        : "SELECT c FROM Contact c WHERE c.appId = :appId AND c.verified = TRUE AND c.deletedAt IS NULL AND c.externalId IS NULL AND c.email = :value";
    List<Contact> found = em.createQuery(query, Contact.class)
        .setParameter("appId", appId)
        .setParameter("value", identity.externalId() != null ? identity.externalId() : identity.normalizedEmail())
        .setMaxResults(1).getResultList();
    return found.isEmpty() ? null : found.get(0);
  }
}
