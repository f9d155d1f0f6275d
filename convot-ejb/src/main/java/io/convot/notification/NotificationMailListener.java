package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Sends each queued notice to the organization's people (owners). See {@link MailDelivery} for what
 * a failure does.
 */
@MessageDriven
public class NotificationMailListener implements MessageListener {

  @Inject MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    delivery.deliver(message);
  }
}
