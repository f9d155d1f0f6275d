package io.convot.webhook;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One POST of a delivery: when, the answer's status and first kilobyte, or the error. */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt extends TenantEntity {

  @Id private UUID id;

  @Column(name = "delivery_id", nullable = false, updatable = false)
  private UUID deliveryId;

  @Column(nullable = false)
  private int number;

  @Column(name = "attempted_at", nullable = false)
  private Instant attemptedAt;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(name = "duration_ms", nullable = false)
  private int durationMs;

  @Column(name = "response_excerpt")
  private String responseExcerpt;

  private String error;

  protected WebhookAttempt() {}

  public WebhookAttempt(WebhookDelivery delivery, int number, Instant attemptedAt, AttemptResult result) {
    this.id = UUID.randomUUID();
    this.deliveryId = delivery.id();
    this.number = number;
    this.attemptedAt = attemptedAt;
    this.statusCode = result.statusCode() == 0 ? null : result.statusCode();
    this.durationMs = (int) Math.min(Integer.MAX_VALUE, result.duration().toMillis());
    this.responseExcerpt = result.responseExcerpt();
    this.error = result.error();
  }

  public UUID deliveryId() {
    return deliveryId;
  }

  public int number() {
    return number;
  }

  public Instant attemptedAt() {
    return attemptedAt;
  }

  public Integer statusCode() {
    return statusCode;
  }

  public int durationMs() {
    return durationMs;
  }

  public String responseExcerpt() {
    return responseExcerpt;
  }

  public String error() {
    return error;
  }

  public Instant createdAt() {
    return attemptedAt;
  }
}
