package io.convot.health;

import io.convot.common.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.time.Duration;

/**
 * Sends a message, as JSON, to one of Convot's queues or topics; the send joins the caller's
 * transaction and goes through {@link BrokerStatus}, so it fails at once while the broker is known
 * to be away.
 */
@ApplicationScoped
public class BrokerSends {

  /** Artemis' duplicate-detection property ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  @Resource(lookup = "jms/convot")
  ConnectionFactory connections;

  @Inject BrokerStatus broker;

  public void send(Destination destination, Object message) {
    send(destination, message, Duration.ZERO);
  }

  /** Sends {@code message}, held back by the broker for {@code delay} when it is positive. */
  public void send(Destination destination, Object message, Duration delay) {
    send(destination, message, delay, null);
  }

  /**
   * Sends {@code message} as above; with a {@code duplicateId}, the broker drops it if it already
   * received a message with that id on this address (Artemis duplicate detection). In a
   * transaction a duplicate makes the broker reject the whole transaction, so there only a new id
   * belongs; a message sent again goes alone, outside any transaction.
   */
  public void send(Destination destination, Object message, Duration delay, String duplicateId) {
    String text = JsonText.write(message);
    broker.send(() -> {
      try (JMSContext context = connections.createContext()) {
        JMSProducer producer = context.createProducer();
        if (!delay.isZero() && !delay.isNegative()) {
          producer.setDeliveryDelay(delay.toMillis());
        }
        if (duplicateId != null) {
          producer.setProperty(DUPLICATE_ID, duplicateId);
        }
        producer.send(destination, text);
      }
    });
  }
}
