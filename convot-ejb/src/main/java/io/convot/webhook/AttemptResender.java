package io.convot.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Sends an attempt message again, alone and outside the caller's transaction: the broker drops it
 * when it has the original (same duplicate id), and a duplicate inside a transaction would make
 * the broker reject the whole transaction.
 */
@Stateless
public class AttemptResender {

  @Inject WebhookQueues queues;

  /** Whether the broker took the message (or dropped it as the duplicate it is); false when it is unreachable. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean sendAgain(UUID message, UUID organizationId, List<UUID> deliveryIds, int attempt, Duration delay) {
    try {
      queues.sendAgain(message, organizationId, deliveryIds, attempt, delay);
      return true;
    } catch (JMSRuntimeException unreachable) {
      return false;
    }
  }
}
