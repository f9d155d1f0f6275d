package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Sends each queued notice to the organization's people (owners). A transient failure that outlasted
 * {@link MailSender}'s retries is rethrown, so the broker redelivers the notice and, after its last
 * delivery attempt, keeps it on the dead-letter queue. See {@link MailDelivery}.
 */
@MessageDriven
public class NotificationMailListener implements MessageListener {

  @Inject MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    Mail mail = MailDelivery.read(message);
    try {
      delivery.deliver(mail);
    } catch (MailFailure.Transient e) {
      MailDelivery.LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to()
          + " not sent after retries, left to the broker's redelivery: " + e.getMessage());
      throw e;
    }
  }
}
