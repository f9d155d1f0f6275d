package io.convot.notification;

import io.convot.common.JsonText;
import io.convot.health.BrokerStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Queues mail for {@link NotificationMailListener}. The send joins the caller's transaction: a mail
 * leaves only if what it tells about was committed, and SMTP never runs inside that transaction.
 */
@ApplicationScoped
public class MailQueue {

  @Resource(lookup = "jms/convot")
  ConnectionFactory connections;

  @Resource(lookup = "jms/convotMail")
  Queue mail;

  @Inject BrokerStatus broker;

  public void send(Mail message) {
    broker.send(() -> {
      try (JMSContext context = connections.createContext()) {
        context.createProducer().send(mail, JsonText.write(message));
      }
    });
  }

  static Mail read(String text) {
    return JsonText.JSONB.fromJson(text, Mail.class);
  }
}
