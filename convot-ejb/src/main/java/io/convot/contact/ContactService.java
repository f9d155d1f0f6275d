package io.convot.contact;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts as agents and integrators see them. */
@Stateless
@TenantScoped
public class ContactService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject ContactSessions sessions;

  public Page<ContactView> list(ContactFilter filter, PageRequest page) {
    Keyset.Filter where = new Keyset.Filter()
        .where("e.deletedAt IS NULL")
        .where("e.appId = :appId", "appId", filter.appId())
        .where("LOWER(e.email) = :email", "email", filter.email() == null ? null : filter.email().trim().toLowerCase())
        .where("e.externalId = :externalId", "externalId", filter.externalId())
        .where(":segment MEMBER OF e.segments", "segment", filter.segment() == null ? null : filter.segment().trim().toLowerCase())
        .where("e.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
        // session data holds JSON text: the shop as a JSON string, compared as the revenue sidebar reads it
        .where("EXISTS (SELECT s.id FROM Contact s JOIN s.data d WHERE s.id = e.id AND KEY(d) = 'shop'"
            + " AND LOWER(FUNCTION('btrim', VALUE(d), '\" ')) = :shop)", "shop", filter.shop());
    return Keyset.page(em, Contact.class, where, page, Contact::createdAt, Contact::id).map(ContactView::of);
  }

  public ContactView get(UUID id) {
    return ContactView.of(find(id));
  }

  public ContactView update(UUID id, ContactChanges changes) {
    Contact contact = find(id);
    Validation validation = new Validation();
    ContactRules.checkProfile(changes.profile(), "", validation);
    ContactRules.checkData(changes.data(), "data", validation);
    Optional<List<String>> segments = changes.segments().map(values -> ContactRules.normalizeSegments(values, "segments", validation));
    validation.throwIfInvalid();
    contact.updateProfile(changes.profile());
    contact.putData(changes.data());
    segments.ifPresent(values -> contact.changeSegments(values, true));
    return ContactView.of(contact);
  }

  /** Soft delete: the contact disappears from lists and its visitor sessions end at once. */
  public void delete(UUID id) {
    caller.get().requireManager();
    Contact contact = find(id);
    contact.delete();
    sessions.endAll(contact.id());
  }

  public Page<ContactEventView> events(UUID id, PageRequest page) {
    Contact contact = find(id);
    Keyset.Filter where = new Keyset.Filter().where("e.contactId = :contactId", "contactId", contact.id());
    return Keyset.page(em, ContactEvent.class, where, page, ContactEvent::createdAt, ContactEvent::id).map(ContactEventView::of);
  }

  private Contact find(UUID id) {
    Contact contact = em.find(Contact.class, id);
    if (contact == null || contact.isDeleted()) {
      throw ConvotException.notFound("Contact");
    }
    return contact;
  }
}
