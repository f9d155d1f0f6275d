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
   * Returns the event's data as written (JSON text), for a live update that carries the same content.
   */
  public String record(OutboxEvent event) {
    String data = JsonText.write(event);
    Event written = write(event, data);
    recorded.fire(new EventRecorded(tenancy.current(), written.id(), event));
    return data;
  }

  /** An event the caller delivers itself (the test event goes to one endpoint only). */
  public Event recordUnrelayed(OutboxEvent event) {
    Event written = write(event, JsonText.write(event));
    written.markRelayed();
    return written;
  }

  /** The envelope's {@code data}: the event record in JSON, written once. */
  public static JsonObject dataOf(OutboxEvent event) {
    return JsonText.readObject(JsonText.write(event));
  }

  /**
   * The envelope's text, as JSON-B writes an {@link Envelope} (members in order, nulls written
   * out), with {@code data} embedded as written rather than parsed and written again.
   */
  public static String envelopeText(UUID id, String type, Instant createdAt, UUID organizationId, UUID appId, String data) {
    return "{\"app_id\":" + (appId == null ? "null" : "\"" + appId + "\"")
        + ",\"created_at\":\"" + createdAt + "\",\"data\":" + data + ",\"id\":\"" + id
        + "\",\"organization_id\":\"" + organizationId + "\",\"type\":\"" + type + "\"}";
  }

  private Event write(OutboxEvent event, String data) {
    UUID id = UUID.randomUUID();
    Instant createdAt = Timestamps.now();
    String type = event.type().wireName();
    Event written = new Event(id, event.appId(), event.type(),
        envelopeText(id, type, createdAt, tenancy.current(), event.appId(), data), createdAt);
    em.persist(written);
    return written;
  }
}
