package io.convot.imports;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends an import's awaited step again, alone and outside the caller's transaction: the broker
 * drops it when it has the original (same duplicate id), and a duplicate inside a transaction would
 * make the broker reject the whole transaction.
 */
@Stateless
public class StepResender {

  @Inject ImportQueue queue;

  /** Whether the broker took the message (or dropped it as the duplicate it is); false when it is unreachable. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean sendAgain(UUID organizationId, UUID importId, int step, Duration delay) {
    try {
      queue.queue(organizationId, importId, step, delay);
      return true;
    } catch (JMSRuntimeException unreachable) {
      return false;
    }
  }
}
