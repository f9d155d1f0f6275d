package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Sends each queued mail. A permanent failure is logged and the mail dropped; a transient one that
 * outlasted {@link MailSender}'s retries is rethrown, so the broker redelivers the mail and, after
 * its last delivery attempt, keeps it on the dead-letter queue.
 */
@MessageDriven
public class NotificationMailListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(NotificationMailListener.class.getName());

  @Inject MailSender sender;

  @Override
  public void onMessage(Message message) {
    Mail mail;
    try {
      mail = MailQueue.read(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable mail message", e);
    }
    try {
      sender.send(mail);
    } catch (MailFailure.Permanent e) {
      LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " refused, dropped: " + e.getMessage());
    } catch (MailFailure.Transient e) {
      LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " not sent after retries, left to the broker's redelivery: "
          + e.getMessage());
      throw e;
    }
  }
}
