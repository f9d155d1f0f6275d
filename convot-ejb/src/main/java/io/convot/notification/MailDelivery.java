package io.convot.notification;

import io.convot.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Sends one queued mail. A permanent failure is logged and the mail dropped; a transient one that
 * outlasted {@link MailSender}'s retries is rethrown, so the broker redelivers the mail and, after
 * its last delivery attempt, keeps it on the dead-letter queue. A mail past its expiry is dropped
 * unsent.
 */
@ApplicationScoped
public class MailDelivery {

  private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

  @Inject MailSender sender;

  void deliver(Message message) {
    Mail mail;
    try {
      mail = MailQueue.read(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable mail message", e);
    }
    if (mail.expired(Timestamps.now())) {
      LOG.info(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " expired at " + mail.expiresAt() + " unsent, dropped");
      return;
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
