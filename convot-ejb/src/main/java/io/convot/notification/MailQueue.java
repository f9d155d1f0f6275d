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

  @Inject BrokerSends broker;

  public void send(Mail message) {
    broker.send(mail, message);
  }

  static Mail read(String text) {
    return JsonText.JSONB.fromJson(text, Mail.class);
  }
}
