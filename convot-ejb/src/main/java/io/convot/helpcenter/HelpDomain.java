package io.convot.helpcenter;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The custom domain of one app's help center, and what the last DNS check found. */
@Entity
@Table(name = "help_domains")
public class HelpDomain extends TenantEntity {

  public enum Status {
    PENDING, MISSING, ERROR, VERIFIED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @Column(name = "app_id")
  private UUID appId;

  @Column(nullable = false)
  private String hostname;

  @Column(nullable = false)
  private String status;

  private String explanation;

  @Column(name = "checked_at")
  private Instant checkedAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected HelpDomain() {}

  HelpDomain(UUID appId, String hostname, String explanation) {
    this.appId = appId;
    this.createdAt = Timestamps.now();
    point(hostname, explanation);
  }

  /** A new hostname starts over: nothing is known about its record until it is checked. */
  void point(String hostname, String explanation) {
    this.hostname = hostname;
    this.status = Status.PENDING.wire();
    this.explanation = explanation;
    this.checkedAt = null;
    this.verifiedAt = null;
    this.updatedAt = Timestamps.now();
  }

  void record(DnsCheck.Outcome outcome) {
    Instant now = Timestamps.now();
    if (outcome.status() == Status.VERIFIED && !isVerified()) {
      this.verifiedAt = now;
    }
    this.status = outcome.status().wire();
    this.explanation = outcome.explanation();
    this.checkedAt = now;
    this.updatedAt = now;
  }

  /** A check that got no answer from DNS changes nothing but says so. */
  void unanswered(String explanation) {
    this.explanation = explanation;
    this.checkedAt = Timestamps.now();
    this.updatedAt = checkedAt;
  }

  public UUID appId() {
    return appId;
  }

  public String hostname() {
    return hostname;
  }

  public String status() {
    return status;
  }

  public boolean isVerified() {
    return Status.VERIFIED.wire().equals(status);
  }

  public String explanation() {
    return explanation;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }
}
