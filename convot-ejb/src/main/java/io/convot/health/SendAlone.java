package io.convot.health;

import io.convot.common.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a message again, alone and outside the caller's transaction, under the duplicate id it was
 * first sent with: the broker drops it when it has the original, and a duplicate inside a
 * transaction would make the broker reject the whole transaction.
 */
@Stateless
public class SendAlone {

  /** Whether the broker took the message (or dropped it as the duplicate it is); false when it is unreachable. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean send(Runnable send) {
    try {
      send.run();
      return true;
    } catch (JMSRuntimeException unreachable) {
      return false;
    }
  }

  /** The delivery delay of a message due at {@code at}: none when it has no time or its time has come. */
  public static Duration delayUntil(Instant at) {
    Instant now = Timestamps.now();
    return at == null || !at.isAfter(now) ? Duration.ZERO : Duration.between(now, at);
  }
}
