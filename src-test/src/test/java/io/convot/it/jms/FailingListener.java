package io.convot.it.jms;

import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Records each delivery attempt, then fails it, so the broker redelivers and finally dead-letters. */
@MessageDriven
public class FailingListener implements MessageListener {

  @Override
  public void onMessage(Message message) {
    try {
      Deliveries.record(message.getStringProperty("run"), message.getBody(String.class));
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("this consumer always fails");
  }
}
