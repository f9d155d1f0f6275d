package io.convot.it.jms;

import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Records every message it consumes. */
@MessageDriven
public class RecordingListener implements MessageListener {

  @Override
  public void onMessage(Message message) {
    try {
      Deliveries.record(message.getStringProperty("run"), message.getBody(String.class));
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
