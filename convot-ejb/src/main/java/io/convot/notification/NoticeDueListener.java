package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes each member's mail when it is due (the broker held the message back until then) and has it
 * sent or dropped, in the listener's transaction: a failure rolls it back and the broker redelivers.
 */
@MessageDriven
public class NoticeDueListener implements MessageListener {

  @Inject AgentMailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    try {
      delivery.deliver(NotificationQueues.read(((TextMessage) message).getText(), NotificationQueues.NoticeDue.class));
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable notice message", e);
    }
  }
}
