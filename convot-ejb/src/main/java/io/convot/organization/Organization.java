package io.convot.organization;

import io.convot.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/**
 * The tenant: a team that builds Shopify apps. A cancelled organization keeps its data, read-only,
 * until {@code purge_after}; then the deletion job removes it. It is read from the database in each
 * transaction (never a server's shared cache), so a cancellation on one server holds on every other.
 */
@Entity
@Table(name = "organizations")
@Cache(isolation = CacheIsolationType.ISOLATED)
public class Organization {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "purge_after")
  private Instant purgeAfter;

  protected Organization() {}

  public Organization(String name) {
    this.id = UUID.randomUUID();
    this.name = name.trim();
    this.createdAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isCancelled() {
    return cancelledAt != null;
  }

  /** When the organization was cancelled; null while it is active. */
  public Instant cancelledAt() {
    return cancelledAt;
  }

  /** When its data will be deleted; null while it is active. */
  public Instant purgeAfter() {
    return purgeAfter;
  }

  /** Starts the grace period. Cancelling again keeps the first date: the grace period is not extended. */
  public void cancel(Instant now, Duration gracePeriod) {
    if (cancelledAt == null) {
      cancelledAt = now;
      purgeAfter = now.plus(gracePeriod);
    }
  }

  public void reactivate() {
    cancelledAt = null;
    purgeAfter = null;
  }
}
