package io.convot.event;

import io.convot.common.JsonText;
import io.convot.common.Timestamps;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.JsonObject;
import java.time.Instant;
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
  public record Envelope(UUID id, String type, Instant createdAt, UUID organizationId, UUID appId, JsonObject data) {}

  /**
   * An event for every endpoint that subscribes to it, handed to the relay when the change commits.
   * Returns the event's data as written, for a live update that carries the same content.
   */
  public JsonObject record(OutboxEvent event) {
    JsonObject data = dataOf(event);
    Event written = write(event, data);
    recorded.fire(new EventRecorded(tenancy.current(), written.id()));
    return data;
  }

  /** An event the caller delivers itself (the test event goes to one endpoint only). */
  public Event recordUnrelayed(OutboxEvent event) {
    Event written = write(event, dataOf(event));
    written.markRelayed();
    return written;
  }

  /** The envelope's {@code data}: the event record in JSON, written once. */
  public static JsonObject dataOf(OutboxEvent event) {
    return JsonText.readObject(JsonText.write(event));
  }

  private Event write(OutboxEvent event, JsonObject data) {
    Envelope envelope = new Envelope(UUID.randomUUID(), event.type().wireName(), Timestamps.now(), tenancy.current(), event.appId(), data);
    Event written = new Event(envelope.id(), event.appId(), event.type(), JsonText.write(envelope), envelope.createdAt());
    em.persist(written);
    return written;
  }
}
