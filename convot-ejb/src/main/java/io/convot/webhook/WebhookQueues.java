package io.convot.webhook;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The two webhook queues: events to relay to their endpoints, and delivery attempts (later ones
 * held back by JMS delivery delay). An event's first attempts travel together, up to
 * {@value #BATCH} deliveries in one message, so that the listener prepares and records them in one
 * transaction each; every later attempt is a message of its own. Sends join the caller's
 * transaction. Every attempt message has an id of its own, recorded on its deliveries with this
 * server's run and given to the broker as its duplicate id, so that after a crash the message can
 * be sent again and the broker keeps it only if the original never arrived.
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
  @Inject ServerRun run;

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
    broker.send(events, new EventMessage(organizationId, eventId), Duration.ZERO);
  }

  /** Attempt {@code attempt} of {@code delivery} after {@code delay}, in a message of its own. */
  public void attempt(UUID organizationId, WebhookDelivery delivery, int attempt, Duration delay) {
    UUID message = UUID.randomUUID();
    delivery.queuedIn(message, run.id());
    send(message, new AttemptMessage(organizationId, delivery.id(), null, attempt), delay);
  }

  /** Attempt {@code attempt} of each of these deliveries now, {@value #BATCH} to a message. */
  public void attempts(UUID organizationId, List<WebhookDelivery> deliveries, int attempt) {
    for (int from = 0; from < deliveries.size(); from += BATCH) {
      UUID message = UUID.randomUUID();
      List<WebhookDelivery> batch = deliveries.subList(from, Math.min(deliveries.size(), from + BATCH));
      batch.forEach(delivery -> delivery.queuedIn(message, run.id()));
      send(message, new AttemptMessage(organizationId, null, batch.stream().map(WebhookDelivery::id).toList(), attempt), Duration.ZERO);
    }
  }

  /**
   * Sends message {@code message} (attempt {@code attempt} of these deliveries) again, under its
   * own id: the broker drops it if it has the original. Call it outside any transaction.
   */
  void sendAgain(UUID message, UUID organizationId, List<UUID> deliveryIds, int attempt, Duration delay) {
    AttemptMessage again = deliveryIds.size() == 1
        ? new AttemptMessage(organizationId, deliveryIds.get(0), null, attempt)
        : new AttemptMessage(organizationId, null, deliveryIds, attempt);
    send(message, again, delay);
  }

  /** A new message for a long-overdue attempt (its id already recorded on the delivery). */
  void requeue(UUID message, UUID organizationId, UUID deliveryId, int attempt) {
    send(message, new AttemptMessage(organizationId, deliveryId, null, attempt), Duration.ZERO);
  }

  private void send(UUID message, AttemptMessage attempt, Duration delay) {
    broker.send(attempts, attempt, delay, message.toString());
  }

  static <T> T read(String text, Class<T> type) {
    return JsonText.JSONB.fromJson(text, type);
  }
}
