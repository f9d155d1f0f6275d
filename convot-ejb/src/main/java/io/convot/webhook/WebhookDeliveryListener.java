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
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes the attempts of one message (one delivery's, or a batch of first attempts) together: one
 * transaction prepares them, their POSTs go out at once, one transaction records them. It runs
 * outside a transaction so that a slow receiver holds no database connection; the message is
 * acknowledged once the outcomes are recorded, so attempts cut short by a crash are made again
 * (those recorded already are not).
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliveryListener implements MessageListener {

  @Inject DeliveryAttempts attempts;
  @Inject ResilientSender sender;
  @Inject WebhookSettings settings;

  @Override
  public void onMessage(Message message) {
    WebhookQueues.AttemptMessage batch;
    try {
      batch = WebhookQueues.read(((TextMessage) message).getText(), WebhookQueues.AttemptMessage.class);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable attempt message", e);
    }
    List<PreparedAttempt> prepared = attempts.prepare(batch.organizationId(), batch.deliveries(), batch.attempt());
    if (!prepared.isEmpty()) {
      List<CompletableFuture<AttemptOutcome>> sending = prepared.stream().map(this::send).toList();
      attempts.record(batch.organizationId(), batch.attempt(), sending.stream().map(CompletableFuture::join).toList());
    }
  }

  private CompletableFuture<AttemptOutcome> send(PreparedAttempt attempt) {
    return CompletableFuture.supplyAsync(() -> {
      Instant at = Timestamps.now();
      AttemptResult result;
      try {
        result = sender.send(attempt);
      } catch (ResilientSender.ConnectionReset e) {
        result = e.result();
      }
      return new AttemptOutcome(attempt.deliveryId(), at, result);
    }, settings.senders());
  }
}
