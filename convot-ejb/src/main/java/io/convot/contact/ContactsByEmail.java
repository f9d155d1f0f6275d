package io.convot.contact;

import io.convot.common.Emails;
import io.convot.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The contact an agent means by an email address in one app: the one the dashboard shows with that
 * email (verified first, then the most recently active), or a new one, which integrators hear about
 * as {@code contact.created} and {@code contact.identified} like a visitor who gave an email.
 * Callers entered the organization already.
 */
@ApplicationScoped
public class ContactsByEmail {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Outbox outbox;

  public Contact findOrCreate(UUID appId, String email) {
    String normalized = Emails.normalize(email);
    List<Contact> known = em.createQuery("SELECT c FROM Contact c WHERE c.appId = :appId AND c.email = :email AND c.deletedAt IS NULL"
            + " ORDER BY c.verified DESC, c.updatedAt DESC, c.id", Contact.class)
        .setParameter("appId", appId).setParameter("email", normalized).setMaxResults(1).getResultList();
    if (!known.isEmpty()) {
      return known.get(0);
    }
    Contact contact = new Contact(appId);
    em.persist(contact);
    outbox.record(new ContactChange.ContactCreated(appId, ContactView.of(contact)));
    contact.identify(new Identity(null, normalized), false);
    outbox.record(new ContactChange.ContactIdentified(appId, ContactView.of(contact), false));
    return contact;
  }
}
