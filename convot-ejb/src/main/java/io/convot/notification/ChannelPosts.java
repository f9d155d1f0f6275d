package io.convot.notification;

import io.convot.tenancy.Tenancy;
import io.convot.webhook.AttemptResult;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The database side of a channel post, in short transactions around the POST: where to send it,
 * then what came of it. 2xx is delivered; 404 or 410 means the incoming webhook was deleted, so
 * the channel is disabled and the owners are told (once: the transaction that finds it still
 * active, holding its row, does it); 429, 5xx and network errors are tried again on the schedule,
 * never sooner than a {@code Retry-After} asks; any other answer is a refusal not worth repeating.
 */
@Stateless
public class ChannelPosts {

  private static final Logger LOG = Logger.getLogger(ChannelPosts.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject NotificationQueues queues;
  @Inject NotificationSettings settings;
  @Inject Owners owners;
  @Inject MailQueue mail;

  /** Where the post goes and in which format; empty when the channel is gone or disabled. */
  public record Target(String url, NotificationChannel.Kind kind) {}

  public Optional<Target> target(NotificationQueues.ChannelPost post) {
    tenancy.enter(post.organizationId());
    NotificationChannel channel = em.find(NotificationChannel.class, post.channelId());
    return channel == null || !channel.active() ? Optional.empty() : Optional.of(new Target(channel.url(), channel.kind()));
  }

  public void record(NotificationQueues.ChannelPost post, AttemptResult result) {
    tenancy.enter(post.organizationId());
    if (result.statusCode() == 404 || result.statusCode() == 410) {
      disable(post, result);
      return;
    }
    NotificationChannel channel = em.find(NotificationChannel.class, post.channelId());
    if (channel == null) {
      return;
    }
    if (result.succeeded()) {
      channel.attempted("delivered (" + result.statusCode() + ")");
      return;
    }
    String what = describe(result);
    boolean retryable = result.statusCode() == 0 || result.statusCode() == 429 || result.statusCode() >= 500;
    Optional<Duration> next = retryable ? settings.channelSchedule().delayBefore(post.attempt() + 1, ThreadLocalRandom.current())
        : Optional.empty();
    if (next.isPresent()) {
      Duration delay = result.retryAfter()
          .map(asked -> asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked)
          .map(asked -> asked.compareTo(next.get()) > 0 ? asked : next.get())
          .orElse(next.get());
      queues.post(post.next(), delay);
      channel.attempted(what + "; trying again in " + delay.toSeconds() + " s");
    } else {
      channel.attempted(what + (retryable ? "; gave up after " + post.attempt() + " tries" : "; not tried again"));
      LOG.info(() -> "Post to channel " + post.channelId() + " (" + post.event() + ") dropped: " + what);
    }
  }

  private void disable(NotificationQueues.ChannelPost post, AttemptResult result) {
    NotificationChannel channel = em.find(NotificationChannel.class, post.channelId(), LockModeType.PESSIMISTIC_WRITE);
    if (channel == null || !channel.active()) {
      return;
    }
    String reason = result.statusCode() + " " + (result.statusCode() == 410 ? "Gone" : "Not Found")
        + ": the incoming webhook no longer exists";
    channel.disable(reason);
    channel.attempted(describe(result));
    List<Owners.Recipient> recipients = owners.ofCurrentOrganization();
    String organization = owners.organizationName();
    recipients.forEach(owner -> mail.send(ChannelDisabledMail.compose(channel, organization, owner, settings.channelsLink())));
    LOG.info(() -> "Notification channel " + channel.id() + " disabled (" + reason + "); " + recipients.size() + " owner(s) notified");
  }

  private static String describe(AttemptResult result) {
    if (result.statusCode() == 0) {
      return "failed: " + result.error();
    }
    String excerpt = result.responseExcerpt() == null ? "" : result.responseExcerpt().strip();
    return "answered " + result.statusCode() + (excerpt.isEmpty() ? "" : ": " + (excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt));
  }
}
