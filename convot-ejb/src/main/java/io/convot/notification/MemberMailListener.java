package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Sends members' mail about conversations, from a queue of its own so that a backlog of it (SMTP
 * away while visitors write) never holds back a notice to the owners. See {@link MailDelivery}.
 */
@MessageDriven
public class MemberMailListener implements MessageListener {

  @Inject MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    delivery.deliver(message);
  }
}
