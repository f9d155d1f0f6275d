package io.convot.webhook;

import io.convot.common.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convot.health.BrokerSends;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The two webhook queues: events to relay to their endpoints, and delivery attempts (later ones
 * held back by JMS delivery delay). An event's first attempts travel together, up to
 * {@value #BATCH} deliveries in one message, so that the listener prepares and records them in one
 * transaction each; every later attempt is a message of its own. Sends join the caller's transaction.
 */
@ApplicationScoped
public class WebhookQueues {

  @Resource(lookup = "jms/convotWebhookEvents")
  Queue events;

  @Resource(lookup = "jms/convotWebhookAttempts")
  Queue attempts;

  /** The most deliveries one attempt message carries (and one listener transaction loads). */
  static final int BATCH = 100;

  @Inject BrokerSends broker;

  /** A relay message: {@code {"organization_id", "event_id"}}. */
  public record EventMessage(UUID organizationId, UUID eventId) {}

  /**
   * An attempt message: attempt number {@code attempt} of one delivery ({@code "delivery_id"}) or
   * of a batch of one organization's deliveries ({@code "delivery_ids"}).
   */
  public record AttemptMessage(UUID organizationId, UUID deliveryId, List<UUID> deliveryIds, int attempt) {

    List<UUID> deliveries() {
      return deliveryIds != null ? deliveryIds : List.of(deliveryId);
    }
  }

  public void relay(UUID organizationId, UUID eventId) {
    send(events, new EventMessage(organizationId, eventId), Duration.ZERO);
  }

  public void attempt(UUID organizationId, UUID deliveryId, int attempt, Duration delay) {
    send(attempts, new AttemptMessage(organizationId, deliveryId, null, attempt), delay);
  }

  /** Attempt {@code attempt} of each of these deliveries now, {@value #BATCH} to a message. */
  public void attempts(UUID organizationId, List<UUID> deliveryIds, int attempt) {
    for (int from = 0; from < deliveryIds.size(); from += BATCH) {
      List<UUID> batch = List.copyOf(deliveryIds.subList(from, Math.min(deliveryIds.size(), from + BATCH)));
      send(attempts, new AttemptMessage(organizationId, null, batch, attempt), Duration.ZERO);
    }
  }

  private void send(Queue queue, Object message, Duration delay) {
    broker.send(queue, message, delay);
  }

  static <T> T read(String text, Class<T> type) {
    return JsonText.JSONB.fromJson(text, type);
  }

}
