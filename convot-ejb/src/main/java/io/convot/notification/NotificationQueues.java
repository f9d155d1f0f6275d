package io.convot.notification;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * The two notification queues: mails due to members (each message held back by JMS delivery delay
 * until the mail is due) and posts to Slack and Discord channels (a retry held back likewise).
 * Sends join the caller's transaction, so only committed decisions notify anyone.
 */
@ApplicationScoped
public class NotificationQueues {

  @Resource(lookup = "jms/convotNotices")
  Queue notices;

  @Resource(lookup = "jms/convotChannelPosts")
  Queue posts;

  @Inject BrokerSends broker;

  /** A mail due to a member about a conversation, once {@code delay} has passed. */
  public record NoticeDue(UUID organizationId, UUID memberId, UUID conversationId) {}

  /**
   * One post to one channel: its JSON body, built when the event happened (the channel's URL is not
   * in the message: it stays sealed in the database), and which try this is (from 1).
   */
  public record ChannelPost(UUID organizationId, UUID channelId, String event, String body, int attempt) {

    ChannelPost next() {
      return new ChannelPost(organizationId, channelId, event, body, attempt + 1);
    }
  }

  void noticeDue(NoticeDue notice, Duration delay) {
    broker.send(notices, notice, delay);
  }

  void post(ChannelPost post, Duration delay) {
    broker.send(posts, post, delay);
  }

  static <T> T read(String text, Class<T> type) {
    return JsonText.JSONB.fromJson(text, type);
  }
}
