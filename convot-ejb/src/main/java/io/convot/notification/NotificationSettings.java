package io.convot.notification;

import io.convot.webhook.RetrySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's settings for agents' notification mail and for Slack and Discord channels. */
@ApplicationScoped
public class NotificationSettings {

  @Inject
  @ConfigProperty(name = "convot.notifications.email-delay", defaultValue = "PT2M")
  Duration emailDelay;

  @Inject
  @ConfigProperty(name = "convot.notifications.email-interval", defaultValue = "PT10M")
  Duration emailInterval;

  @Inject
  @ConfigProperty(name = "convot.notifications.email-expiry", defaultValue = "PT1H")
  Duration emailExpiry;

  @Inject
  @ConfigProperty(name = "convot.notifications.channel-retry-schedule", defaultValue = "0s,5s,30s,2m,10m,30m")
  String channelRetrySchedule;

  @Inject
  @ConfigProperty(name = "convot.notifications.max-retry-after", defaultValue = "PT1H")
  Duration maxRetryAfter;

  @Inject
  @ConfigProperty(name = "convot.dashboard-url")
  Optional<String> dashboardUrl;

  @Inject
  @ConfigProperty(name = "convot.public-url")
  Optional<String> publicUrl;

  private RetrySchedule schedule;

  @PostConstruct
  void build() {
    schedule = RetrySchedule.parse(channelRetrySchedule);
  }

  /** How long a mail waits for the member to read the conversation first. */
  public Duration emailDelay() {
    return emailDelay;
  }

  /** The least time between two mails about one conversation to one member. */
  public Duration emailInterval() {
    return emailInterval;
  }

  /** How long a member's mail that could not be sent yet is still worth sending. */
  public Duration emailExpiry() {
    return emailExpiry;
  }

  /** When each post to a channel is tried (its length is the number of tries). */
  public RetrySchedule channelSchedule() {
    return schedule;
  }

  /** The longest a {@code Retry-After} is honoured; past it, the next try comes after this. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The dashboard's address, ending with {@code /}: {@code convot.dashboard-url}, else
   * {@code <convot.public-url>/app/}, else {@code http://localhost:9080/app/}.
   */
  public String dashboardUrl() {
    String url = dashboardUrl.filter(u -> !u.isBlank())
        .orElseGet(() -> publicUrl.filter(u -> !u.isBlank()).map(u -> strip(u) + "/app/").orElse("http://localhost:9080/app/"))
        .strip();
    return url.endsWith("/") ? url : url + "/";
  }

  /** The dashboard's page of one conversation. */
  public String conversationLink(java.util.UUID conversationId) {
    return dashboardUrl() + "#/inbox/open/" + conversationId;
  }

  /** The dashboard's page of the member's notification preferences. */
  public String preferencesLink() {
    return dashboardUrl() + "#/settings/notifications";
  }

  /** The dashboard's page of the organization's channels. */
  public String channelsLink() {
    return dashboardUrl() + "#/settings/channels";
  }

  private static String strip(String url) {
    String u = url.strip();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
