package io.convot.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** Ends the widget sessions of a contact (when it is deleted), inside the caller's transaction. */
@ApplicationScoped
public class ContactSessions {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  public void endAll(UUID contactId) {
    em.createQuery("DELETE FROM VisitorSession s WHERE s.contactId = :contactId")
        .setParameter("contactId", contactId).executeUpdate();
  }
}
