package io.convot.event;

import io.convot.common.JsonText;
import io.convot.common.Timestamps;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event in the caller's transaction: it commits with the change or not at all. Callers
 * are services that already entered the organization.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject jakarta.enterprise.event.Event<EventRecorded> recorded;

  /** The webhook envelope: {@code id, type, created_at, organization_id, app_id, data}. */
  public record Envelope(UUID id, String type, Instant createdAt, UUID organizationId, UUID appId, Map<String, Object> data) {}

  /** An event for every endpoint that subscribes to it, handed to the relay when the change commits. */
  public Event record(EventType type, UUID appId, Map<String, Object> data) {
    Event event = write(type, appId, data);
    recorded.fire(new EventRecorded(tenancy.current(), event.id()));
    return event;
  }

  /** An event the caller delivers itself (the test event goes to one endpoint only). */
  public Event recordUnrelayed(EventType type, Map<String, Object> data) {
    Event event = write(type, null, data);
    event.markRelayed();
    return event;
  }

  private Event write(EventType type, UUID appId, Map<String, Object> data) {
    Envelope envelope = new Envelope(UUID.randomUUID(), type.wireName(), Timestamps.now(), tenancy.current(), appId, data);
    Event event = new Event(envelope.id(), appId, type, JsonText.write(envelope), envelope.createdAt());
    em.persist(event);
    return event;
  }
}
