package io.convot.notification;

import io.convot.webhook.AttemptResult;
import io.convot.webhook.WebhookSettings;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.Optional;

/**
 * Posts to a Slack or Discord channel: reads where to in one transaction, POSTs outside any (a slow
 * service holds no database connection), then records the outcome in another, which queues the next
 * try when there is one. The POST goes through the webhooks' HTTP client, so the URL's addresses are
 * checked again as it connects, redirects are not followed and the timeout is the webhooks' own.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelPostListener implements MessageListener {

  private static final Map<String, String> HEADERS = Map.of("User-Agent", "Convot-Notifications");

  @Inject ChannelPosts posts;
  @Inject WebhookSettings webhooks;

  @Override
  public void onMessage(Message message) {
    NotificationQueues.ChannelPost post;
    try {
      post = NotificationQueues.read(((TextMessage) message).getText(), NotificationQueues.ChannelPost.class);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable channel post", e);
    }
    Optional<ChannelPosts.Target> target = posts.target(post);
    if (target.isEmpty()) {
      return;
    }
    AttemptResult result = webhooks.http().send(target.get().url(), HEADERS, post.body());
    posts.record(post, result);
  }
}
