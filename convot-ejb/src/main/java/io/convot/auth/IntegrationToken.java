package io.convot.auth;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A JWT issued to an integration, remembered by its id (the token's {@code jti}) and name so that
 * it can be listed and revoked; the token itself is shown once and never stored.
 */
@Entity
@Table(name = "integration_tokens")
public class IntegrationToken extends TenantEntity {

  public static final int MAX_NAME = 100;
  /** Shorter lifetimes than a minute would expire before an integration could use them. */
  public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);

  @Id private UUID id;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected IntegrationToken() {}

  public IntegrationToken(UUID id, UUID memberId, String name, Instant expiresAt) {
    this.id = id;
    this.memberId = memberId;
    this.name = name.trim();
    this.createdAt = Timestamps.now();
    this.expiresAt = expiresAt;
  }

  /** The lifetime asked for in seconds ({@code null}: the longest), between a minute and {@code max}. */
  public static Duration lifetime(Long seconds, Duration max) {
    if (seconds == null) {
      return max;
    }
    if (seconds < MIN_LIFETIME.toSeconds() || seconds > max.toSeconds()) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
          List.of(new FieldError("expires_in", "out_of_range",
              "expires_in must be between " + MIN_LIFETIME.toSeconds() + " and " + max.toSeconds() + " seconds")));
    }
    return Duration.ofSeconds(seconds);
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** Past its expiry the token is refused; it stays listed until the retention job deletes it. */
  public boolean expired() {
    return !expiresAt.isAfter(Timestamps.now());
  }

  /** A token just issued: the one moment its value is known. */
  public record Issued(IntegrationToken token, String value) {}
}
