package io.convot.shopify;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An organization's connection to its Shopify Partner organization, and the state of its syncs.
 * Runs are scheduled one at a time: a queued run is {@code pendingRunId}, a run being made is
 * {@code runningRunId} under a lease. Twelve failed runs in a row put it in {@code error}, where
 * nothing is scheduled until someone asks for a sync.
 */
@Entity
@Table(name = "shopify_integrations")
public class ShopifyIntegration extends TenantEntity {

  public static final int FAILURES_BEFORE_ERROR = 12;
  public static final String RETRIES_EXHAUSTED = "retries exhausted";

  public enum Status { active, error, disconnected }

  @Id private UUID id;

  @Column(name = "partner_organization_id", nullable = false)
  private String partnerOrganizationId;

  @Column(name = "access_token_sealed")
  private String accessTokenSealed;

  @Column(nullable = false)
  private String status;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_sync_at")
  private Instant lastSyncAt;

  @Column(name = "last_run_at")
  private Instant lastRunAt;

  @Column(name = "last_run_calls")
  private Integer lastRunCalls;

  @Column(name = "next_sync_at")
  private Instant nextSyncAt;

  @Column(name = "pending_run_id")
  private UUID pendingRunId;

  @Column(name = "running_run_id")
  private UUID runningRunId;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "connected_at", nullable = false)
  private Instant connectedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ShopifyIntegration() {}

  public ShopifyIntegration(String partnerOrganizationId, String accessTokenSealed) {
    this.id = UUID.randomUUID();
    this.connectedAt = Timestamps.now();
    connect(partnerOrganizationId, accessTokenSealed);
  }

  /** (Re)connects with a validated token: the failure count starts again. */
  public void connect(String partnerOrganizationId, String accessTokenSealed) {
    this.partnerOrganizationId = partnerOrganizationId;
    this.accessTokenSealed = accessTokenSealed;
    this.status = Status.active.name();
    this.consecutiveFailures = 0;
    this.lastError = null;
    this.connectedAt = Timestamps.now();
    this.updatedAt = connectedAt;
  }

  /** Forgets the token; the shops already learned stay until the organization deletes them. */
  public void disconnect() {
    accessTokenSealed = null;
    status = Status.disconnected.name();
    pendingRunId = null;
    nextSyncAt = null;
    updatedAt = Timestamps.now();
  }

  /** Sync now: back to active with no failures counted, and a run queued at once. */
  public UUID requestRun(Duration interval) {
    status = Status.active.name();
    consecutiveFailures = 0;
    lastError = null;
    return scheduleRun(interval);
  }

  /** The scheduler's turn: a run is queued and the next one is due an interval later. */
  public UUID scheduleRun(Duration interval) {
    return queueRun(Timestamps.now().plus(interval));
  }

  /** Whether the scheduler should queue a run now: active, due, and no run holding a live lease. */
  public boolean isDue(Instant now) {
    return status() == Status.active && isConnected() && nextSyncAt != null && !nextSyncAt.isAfter(now)
        && (runningRunId == null || leaseUntil == null || leaseUntil.isBefore(now));
  }

  private UUID queueRun(Instant next) {
    pendingRunId = UUID.randomUUID();
    nextSyncAt = next;
    updatedAt = Timestamps.now();
    return pendingRunId;
  }

  /**
   * Whether a message for {@code runId} may start a run now: it must be the run last queued, and
   * no other run may hold an unexpired lease. A duplicate of a message already taken is refused.
   */
  public boolean claim(UUID runId, Duration lease) {
    Instant now = Timestamps.now();
    if (!runId.equals(pendingRunId) || !isConnected()) {
      return false;
    }
    if (runningRunId != null && leaseUntil != null && leaseUntil.isAfter(now)) {
      return false; // Still pending: the run in progress queues it again when it ends.
    }
    pendingRunId = null;
    runningRunId = runId;
    leaseUntil = now.plus(lease);
    lastRunAt = now;
    updatedAt = now;
    return true;
  }

  /** A run asked for while another was in progress, to queue again once that one has ended. */
  public java.util.Optional<UUID> waitingRun() {
    return status() == Status.active && runningRunId == null ? java.util.Optional.ofNullable(pendingRunId)
        : java.util.Optional.empty();
  }

  public boolean isRunning(UUID runId) {
    return runId.equals(runningRunId);
  }

  public void extendLease(Duration lease) {
    leaseUntil = Timestamps.now().plus(lease);
  }

  public void succeeded(UUID runId, int calls) {
    finish(runId, calls);
    consecutiveFailures = 0;
    lastError = null;
    lastSyncAt = Timestamps.now();
  }

  /** Counts one failed run; the twelfth in a row ends automatic runs. */
  public void failed(UUID runId, int calls, String error) {
    finish(runId, calls);
    consecutiveFailures++;
    lastError = error;
    if (consecutiveFailures >= FAILURES_BEFORE_ERROR) {
      status = Status.error.name();
      lastError = RETRIES_EXHAUSTED + ": " + error;
      nextSyncAt = null;
      pendingRunId = null;
    }
  }

  private void finish(UUID runId, int calls) {
    if (!isRunning(runId)) {
      throw new IllegalStateException("Run " + runId + " is not the one running");
    }
    runningRunId = null;
    leaseUntil = null;
    lastRunCalls = calls;
    updatedAt = Timestamps.now();
  }

  public boolean isConnected() {
    return accessTokenSealed != null && !Status.disconnected.name().equals(status);
  }

  public UUID id() {
    return id;
  }

  public String partnerOrganizationId() {
    return partnerOrganizationId;
  }

  public String accessTokenSealed() {
    return accessTokenSealed;
  }

  public void resealed(String sealed) {
    accessTokenSealed = sealed;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastSyncAt() {
    return lastSyncAt;
  }

  public Instant lastRunAt() {
    return lastRunAt;
  }

  public Integer lastRunCalls() {
    return lastRunCalls;
  }

  public Instant nextSyncAt() {
    return status() == Status.active ? nextSyncAt : null;
  }

  public boolean isSyncing() {
    return runningRunId != null || pendingRunId != null;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
