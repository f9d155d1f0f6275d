package io.convot.webhook;

import io.convot.common.Timestamps;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Instant;

/**
 * Makes one delivery attempt per message. It runs outside a transaction so that a slow receiver
 * holds no database connection; the message is acknowledged once the outcome is recorded, so an
 * attempt cut short by a crash is made again.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliveryListener implements MessageListener {

  @Inject DeliveryAttempts attempts;
  @Inject ResilientSender sender;

  @Override
  public void onMessage(Message message) {
    WebhookQueues.AttemptMessage attempt;
    try {
      attempt = WebhookQueues.read(((TextMessage) message).getText(), WebhookQueues.AttemptMessage.class);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable attempt message", e);
    }
    attempts.prepare(attempt.organizationId(), attempt.deliveryId(), attempt.attempt()).ifPresent(request -> {
      Instant at = Timestamps.now();
      AttemptResult result;
      try {
        result = sender.send(request);
      } catch (ResilientSender.ConnectionReset e) {
        result = e.result();
      }
      attempts.record(attempt.organizationId(), attempt.deliveryId(), attempt.attempt(), at, result);
    });
  }
}
