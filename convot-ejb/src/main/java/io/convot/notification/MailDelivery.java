package io.convot.notification;

import io.convot.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Sends one queued mail: a mail past its expiry is dropped unsent, a permanent failure is logged and
 * the mail dropped, a transient one that outlasted {@link MailSender}'s retries is thrown for the
 * listener to decide (a notice to owners goes back to the broker, a member's mail is queued again).
 */
@ApplicationScoped
public class MailDelivery {

  static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

  @Inject MailSender sender;

  static Mail read(Message message) {
    try {
      return MailQueue.read(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable mail message", e);
    }
  }

  void deliver(Mail mail) {
    if (mail.expired(Timestamps.now())) {
      LOG.info(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " expired at " + mail.expiresAt() + " unsent, dropped");
      return;
    }
    try {
      sender.send(mail);
    } catch (MailFailure.Permanent e) {
      LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " refused, dropped: " + e.getMessage());
    }
  }
}
