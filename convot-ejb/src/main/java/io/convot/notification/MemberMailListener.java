package io.convot.notification;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Sends members' mail about conversations, from a queue of its own so that a backlog of it (SMTP
 * away while visitors write) never holds back a notice to the owners. A transient failure that
 * outlasted {@link MailSender}'s retries queues the mail again a minute later, until it expires
 * (then it is dropped: the dashboard has told the member by then); nothing goes to the dead-letter
 * queue. See {@link MailDelivery}.
 */
@MessageDriven
public class MemberMailListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(MemberMailListener.class.getName());
  private static final Duration AGAIN_AFTER = Duration.ofMinutes(1);

  @Inject MailDelivery delivery;
  @Inject MailQueue queue;

  @Override
  public void onMessage(Message message) {
    Mail mail = MailDelivery.read(message);
    try {
      delivery.deliver(mail);
    } catch (MailFailure.Transient e) {
      LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " not sent, trying again in " + AGAIN_AFTER.toSeconds()
          + " s unless it expires first (" + mail.expiresAt() + "): " + e.getMessage());
      queue.sendToMember(mail, AGAIN_AFTER);
    }
  }
}
