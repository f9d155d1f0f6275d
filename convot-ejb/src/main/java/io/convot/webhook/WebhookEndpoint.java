package io.convot.webhook;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Where an organization receives its events: a URL, the event types and apps it wants (none means
 * all), and the secret its deliveries are signed with. It stops receiving when disabled.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends TenantEntity {

  @Id private UUID id;

  @Column(nullable = false)
  private String url;

  private String description;

  @Column(name = "event_types", nullable = false)
  private String eventTypes;

  @Column(name = "app_ids", nullable = false)
  private String appIds;

  @Column(nullable = false)
  @Convert(converter = SealedSecretConverter.class)
  private String secret;

  @Column(name = "previous_secret")
  @Convert(converter = SealedSecretConverter.class)
  private String previousSecret;

  @Column(name = "previous_secret_expires_at")
  private Instant previousSecretExpiresAt;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "disabled_by_hand", nullable = false)
  private boolean disabledByHand;

  @Column(name = "failing_since")
  private Instant failingSince;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WebhookEndpoint() {}

  public WebhookEndpoint(String url, String description, List<String> eventTypes, List<UUID> appIds, WebhookSecret secret) {
    this.id = UUID.randomUUID();
    this.secret = secret.value();
    this.active = true;
    this.createdAt = Timestamps.now();
    change(url, description, eventTypes, appIds);
  }

  /** Absent (null) parts stay as they are. */
  public void change(String url, String description, List<String> eventTypes, List<UUID> appIds) {
    if (url != null) {
      this.url = url;
    }
    if (description != null) {
      this.description = description.isBlank() ? null : description.trim();
    }
    if (eventTypes != null) {
      this.eventTypes = String.join(",", eventTypes);
    }
    if (appIds != null) {
      this.appIds = String.join(",", appIds.stream().map(UUID::toString).toList());
    }
    this.updatedAt = Timestamps.now();
  }

  /**
   * Whether its filters take an event of {@code type} about {@code appId} (null: about no app),
   * active or not: a disabled endpoint's events are kept as skipped deliveries.
   */
  public boolean subscribesTo(String type, UUID appId) {
    return (eventTypes.isEmpty() || eventTypes().contains(type))
        && (appIds.isEmpty() || appId == null || appIds().contains(appId));
  }

  /** A new secret; the old one keeps signing alongside it for {@code grace}, so receivers can switch. */
  public void rotateSecret(WebhookSecret next, Duration grace) {
    previousSecret = secret;
    previousSecretExpiresAt = Timestamps.now().plus(grace);
    secret = next.value();
    updatedAt = Timestamps.now();
  }

  /** The secrets every delivery is signed with now. */
  public List<WebhookSecret> liveSecrets() {
    List<WebhookSecret> live = new ArrayList<>(List.of(WebhookSecret.parse(secret)));
    if (previousSecretExpiresAt() != null) {
      live.add(WebhookSecret.parse(previousSecret));
    }
    return live;
  }

  /** Convot disables it: the receiver answered 410 Gone, or failed everything for too long. */
  public void disable(String reason) {
    active = false;
    disabledByHand = false;
    disabledReason = reason;
    disabledAt = Timestamps.now();
    updatedAt = disabledAt;
  }

  /** Someone turned it off; one that is already disabled keeps the reason it was disabled for. */
  public void disableByHand(String reason) {
    if (active) {
      disable(reason);
      disabledByHand = true;
    }
  }

  public void enable() {
    active = true;
    disabledByHand = false;
    disabledReason = null;
    disabledAt = null;
    failingSince = null;
    updatedAt = Timestamps.now();
  }

  /** A delivery succeeded: the endpoint is healthy again. */
  public void succeeded() {
    failingSince = null;
  }

  /**
   * An attempt failed. Returns whether every attempt has now failed for longer than
   * {@code disableAfter}, in which case the endpoint disables itself.
   */
  public boolean failed(Duration disableAfter) {
    Instant now = Timestamps.now();
    if (failingSince == null) {
      failingSince = now;
      return false;
    }
    if (active && failingSince.plus(disableAfter).isBefore(now)) {
      disable("Every delivery failed for " + disableAfter.toDays() + " days");
      return true;
    }
    return false;
  }

  public UUID id() {
    return id;
  }

  public String url() {
    return url;
  }

  public String description() {
    return description;
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

  /** {@code enabled}, {@code disabled} (by hand) or {@code auto_disabled} (by Convot). */
  public String status() {
    return active ? "enabled" : disabledByHand ? "disabled" : "auto_disabled";
  }

  /** Until when the secret replaced by the last rotation still signs alongside the new one; null when it no longer does. */
  public Instant previousSecretExpiresAt() {
    boolean live = previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(Timestamps.now());
    return live ? previousSecretExpiresAt : null;
  }

  public Instant failingSince() {
    return failingSince;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
