package io.convot.notification;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A Slack or Discord channel of the organization, reached through its incoming-webhook URL (sealed
 * at rest, never shown again: only {@link #urlHint()}), with the events it is told about and the
 * apps it is limited to (none: every app).
 */
@Entity
@Table(name = "notification_channels")
public class NotificationChannel extends TenantEntity {

  /** The kinds of channel, each with its own payload format. */
  public enum Kind { slack, discord }

  /** The events a channel can be told about. */
  public static final List<String> EVENTS = List.of("conversation.created", "message.received", "conversation.assigned",
      "conversation.resolved");

  @Id private UUID id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  @Convert(converter = SealedUrlConverter.class)
  private String url;

  @Column(name = "url_hint", nullable = false)
  private String urlHint;

  @Column(name = "event_types", nullable = false)
  private String eventTypes;

  @Column(name = "app_ids", nullable = false)
  private String appIds;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "last_status")
  private String lastStatus;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected NotificationChannel() {}

  NotificationChannel(Kind kind, String url, List<String> events, List<UUID> appIds) {
    this.id = UUID.randomUUID();
    this.kind = kind.name();
    this.active = true;
    this.createdAt = Timestamps.now();
    change(url, events, appIds);
  }

  /** Absent (null) parts stay as they are. A new URL turns a disabled channel on again. */
  void change(String url, List<String> events, List<UUID> appIds) {
    if (url != null) {
      this.url = url;
      this.urlHint = hint(url);
      this.active = true;
      this.disabledReason = null;
      this.disabledAt = null;
    }
    if (events != null) {
      this.eventTypes = String.join(",", events.stream().distinct().toList());
    }
    if (appIds != null) {
      this.appIds = String.join(",", appIds.stream().distinct().map(UUID::toString).toList());
    }
    this.updatedAt = Timestamps.now();
  }

  /** Whether this channel is told about an event of {@code type} in app {@code appId}. */
  boolean wants(String type, UUID appId) {
    return active && eventTypes().contains(type) && (appIds.isEmpty() || appIds().contains(appId));
  }

  /** Convot turns the channel off: its URL answered that the incoming webhook is gone. */
  void disable(String reason) {
    this.active = false;
    this.disabledReason = reason;
    this.disabledAt = Timestamps.now();
    this.updatedAt = this.disabledAt;
  }

  /** What the latest post came to, for the page that lists channels. */
  void attempted(String status) {
    this.lastStatus = status.length() > 300 ? status.substring(0, 300) : status;
    this.lastAttemptAt = Timestamps.now();
  }

  /**
   * Scheme, host and the URL's last four characters: enough to tell two channels apart, too
   * little to post with.
   */
  static String hint(String url) {
    URI uri = URI.create(url);
    String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…" + tail;
  }

  public UUID id() {
    return id;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  String url() {
    return url;
  }

  public String urlHint() {
    return urlHint;
  }

  public List<String> eventTypes() {
    return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
  }

  public List<UUID> appIds() {
    return appIds.isEmpty() ? List.of() : Arrays.stream(appIds.split(",")).map(UUID::fromString).toList();
  }

  public boolean active() {
    return active;
  }

  public String disabledReason() {
    return disabledReason;
  }

  public Instant disabledAt() {
    return disabledAt;
  }

  public String lastStatus() {
    return lastStatus;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
