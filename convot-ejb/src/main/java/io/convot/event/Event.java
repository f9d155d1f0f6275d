package io.convot.event;

import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One outbox row: the envelope integrators receive, exactly as it will be signed and sent. */
@Entity
@Table(name = "events")
public class Event extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id")
  private UUID appId;

  @Column(nullable = false)
  private String type;

  @Column(nullable = false)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "relayed_at")
  private Instant relayedAt;

  protected Event() {}

  Event(UUID id, UUID appId, EventType type, String payload, Instant createdAt) {
    this.id = id;
    this.appId = appId;
    this.type = type.wireName();
    this.payload = payload;
    this.createdAt = createdAt;
  }

  /** The relay handed this event to its endpoints. */
  public void markRelayed() {
    relayedAt = io.convot.common.Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant relayedAt() {
    return relayedAt;
  }
}
