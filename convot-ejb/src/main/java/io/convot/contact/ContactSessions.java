package io.convot.contact;

import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Ends the widget sessions of a contact (when it is deleted), inside the caller's transaction, and
 * the live connections they opened on every server.
 */
@ApplicationScoped
public class ContactSessions {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject LiveUpdates live;

  public void endAll(UUID contactId) {
    em.createQuery("DELETE FROM VisitorSession s WHERE s.contactId = :contactId")
        .setParameter("contactId", contactId).executeUpdate();
    live.revoke(tenancy.current(), Revocation.ofContact(contactId));
  }
}
