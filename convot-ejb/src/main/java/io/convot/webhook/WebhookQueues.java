package io.convot.webhook;

import io.convot.common.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.inject.Inject;
import io.convot.health.BrokerStatus;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * The two webhook queues: events to relay to their endpoints, and delivery attempts (later ones
 * held back by JMS delivery delay). Sends join the caller's transaction.
 */
@ApplicationScoped
public class WebhookQueues {

  @Resource(lookup = "jms/convot")
  ConnectionFactory connections;

  @Resource(lookup = "jms/convotWebhookEvents")
  Queue events;

  @Resource(lookup = "jms/convotWebhookAttempts")
  Queue attempts;

  @Inject BrokerStatus broker;

  /** A relay message: {@code {"organization_id", "event_id"}}. */
  public record EventMessage(UUID organizationId, UUID eventId) {}

  /** An attempt message: {@code {"organization_id", "delivery_id", "attempt"}}. */
  public record AttemptMessage(UUID organizationId, UUID deliveryId, int attempt) {}

  public void relay(UUID organizationId, UUID eventId) {
    send(events, new EventMessage(organizationId, eventId), Duration.ZERO);
  }

  public void attempt(UUID organizationId, UUID deliveryId, int attempt, Duration delay) {
    send(attempts, new AttemptMessage(organizationId, deliveryId, attempt), delay);
  }

  private void send(Queue queue, Object message, Duration delay) {
    broker.send(() -> {
      try (JMSContext context = connections.createContext()) {
        JMSProducer producer = context.createProducer();
        if (!delay.isZero() && !delay.isNegative()) {
          producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(queue, JsonText.write(message));
      }
    });
  }

  static <T> T read(String text, Class<T> type) {
    return JsonText.JSONB.fromJson(text, type);
  }

}
