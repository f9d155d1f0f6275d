package io.convot.webhook;

import io.convot.common.Timestamps;
import io.convot.event.Event;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint: pending while attempts remain, then succeeded or failed;
 * skipped when the endpoint was disabled as the event happened (replay sends it).
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends TenantEntity {

  public enum Status { pending, succeeded, failed, skipped }

  @Id private UUID id;

  @Column(name = "endpoint_id", nullable = false, updatable = false)
  private UUID endpointId;

  @Column(name = "event_id", nullable = false, updatable = false)
  private UUID eventId;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String eventType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  /** The message that carries the next attempt (its broker duplicate id), and the server run that queued it. */
  @Column(name = "queued_message")
  private UUID queuedMessage;

  @Column(name = "queued_by")
  private UUID queuedBy;

  @Column(name = "queued_at")
  private Instant queuedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WebhookDelivery() {}

  /** A delivery due now, or skipped when {@code endpoint} is disabled. */
  public WebhookDelivery(WebhookEndpoint endpoint, Event event) {
    this.id = UUID.randomUUID();
    this.endpointId = endpoint.id();
    this.eventId = event.id();
    this.eventType = event.type();
    this.status = endpoint.active() ? Status.pending : Status.skipped;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
    this.nextAttemptAt = status == Status.pending ? createdAt : null;
  }

  /** Its next attempt travels in {@code message}, queued by the server run {@code run}. */
  public void queuedIn(UUID message, UUID run) {
    queuedMessage = message;
    queuedBy = run;
    queuedAt = Timestamps.now();
  }

  /** Whether attempt {@code number} is the one due now (a redelivered message for an attempt already made is not). */
  public boolean isDue(int number) {
    return status == Status.pending && attempts == number - 1;
  }

  /** Records an attempt's outcome; {@code next} is when the following one is due, or null when none will be. */
  public void attempted(int statusCode, boolean succeeded, Instant next) {
    attempts++;
    lastStatusCode = statusCode == 0 ? null : statusCode;
    status = succeeded ? Status.succeeded : next == null ? Status.failed : Status.pending;
    nextAttemptAt = status == Status.pending ? next : null;
    updatedAt = Timestamps.now();
  }

  /** A manual redelivery: one more attempt now, whatever happened before (a skipped delivery's first). */
  public void retryNow() {
    status = Status.pending;
    nextAttemptAt = Timestamps.now();
    updatedAt = nextAttemptAt;
  }

  public void giveUp() {
    status = Status.failed;
    nextAttemptAt = null;
    updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public UUID endpointId() {
    return endpointId;
  }

  public UUID eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer lastStatusCode() {
    return lastStatusCode;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
