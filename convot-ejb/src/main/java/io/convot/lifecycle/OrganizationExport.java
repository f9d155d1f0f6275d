package io.convot.lifecycle;

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
 * An export of the organization's contacts, conversations, messages and events: a ZIP of JSON Lines
 * files built by a background job ({@code queued}, {@code running}, then {@code ready} or
 * {@code failed}), downloadable by owners until {@code expires_at} (7 days), then {@code expired}.
 */
@Entity
@Table(name = "organization_exports")
public class OrganizationExport extends TenantEntity {

  static final Duration KEPT_FOR = Duration.ofDays(7);

  public enum Status { queued, running, ready, failed, expired }

  @Id private UUID id;

  @Column(name = "requested_by")
  private UUID requestedBy;

  @Column(nullable = false)
  private String status;

  @Column(name = "records_written", nullable = false)
  private long recordsWritten;

  @Column(name = "records_total")
  private Long recordsTotal;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(name = "sha256")
  private String sha256;

  @Column(name = "error")
  private String error;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected OrganizationExport() {}

  OrganizationExport(UUID requestedBy) {
    this.id = UUID.randomUUID();
    this.requestedBy = requestedBy;
    this.status = Status.queued.name();
    this.createdAt = Timestamps.now();
    this.expiresAt = createdAt.plus(KEPT_FOR);
  }

  void started(long total) {
    status = Status.running.name();
    startedAt = Timestamps.now();
    recordsTotal = total;
    recordsWritten = 0;
    error = null;
  }

  void progressed(long written) {
    recordsWritten = written;
  }

  void finished(long size, String digest) {
    status = Status.ready.name();
    sizeBytes = size;
    sha256 = digest;
    finishedAt = Timestamps.now();
  }

  void failed(String reason) {
    status = Status.failed.name();
    error = reason;
    finishedAt = Timestamps.now();
  }

  void expired() {
    status = Status.expired.name();
  }

  public boolean isReady() {
    return Status.ready.name().equals(status) && Timestamps.now().isBefore(expiresAt);
  }

  public UUID id() {
    return id;
  }

  public String status() {
    return isReady() || !Status.ready.name().equals(status) ? status : Status.expired.name();
  }

  public long recordsWritten() {
    return recordsWritten;
  }

  public Long recordsTotal() {
    return recordsTotal;
  }

  /** Percent done, 0 to 100. */
  public int progress() {
    if (Status.ready.name().equals(status)) {
      return 100;
    }
    if (recordsTotal == null || recordsTotal == 0) {
      return 0;
    }
    return (int) Math.min(99, recordsWritten * 100 / recordsTotal);
  }

  public Long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public String error() {
    return error;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
