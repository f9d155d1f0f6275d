package io.convot.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSRuntimeException;

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
}
