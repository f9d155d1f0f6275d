package io.convot.notification;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;

/**
 * Queues mail for {@link NotificationMailListener}. The send joins the caller's transaction: a mail
 * leaves only if what it tells about was committed, and SMTP never runs inside that transaction.
 */
@ApplicationScoped
public class MailQueue {

  @Resource(lookup = "jms/convotMail")
  Queue mail;

  /** Members' mail about conversations, apart: a backlog of it never delays a notice to the owners. */
  @Resource(lookup = "jms/convotMemberMail")
  Queue memberMail;

  @Inject BrokerSends broker;

  public void send(Mail message) {
    broker.send(mail, message);
  }

  public void sendToMember(Mail message) {
    sendToMember(message, java.time.Duration.ZERO);
  }

  /** A member's mail, held back by the broker for {@code delay} (a try again after SMTP failed). */
  void sendToMember(Mail message, java.time.Duration delay) {
    broker.send(memberMail, message, delay);
  }

  static Mail read(String text) {
    return JsonText.JSONB.fromJson(text, Mail.class);
  }
}
