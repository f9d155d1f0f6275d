package io.convot.availability;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One open dashboard connection of a member, on whichever server holds it: the row lives while the
 * connection does, refreshed by that server's heartbeat ({@code seen_at}); a server that dies stops
 * refreshing, so its rows stop counting after the presence timeout, and are pruned.
 */
@Entity
@Table(name = "member_presence")
public class MemberPresence extends TenantEntity {

  @Id
  @Column(name = "connection_id")
  private UUID connectionId;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(name = "connected_at", nullable = false, updatable = false)
  private Instant connectedAt;

  @Column(name = "seen_at", nullable = false)
  private Instant seenAt;

  protected MemberPresence() {}

  MemberPresence(UUID connectionId, UUID memberId) {
    this.connectionId = connectionId;
    this.memberId = memberId;
    this.connectedAt = Timestamps.now();
    this.seenAt = connectedAt;
  }

  public UUID connectionId() {
    return connectionId;
  }

  public UUID memberId() {
    return memberId;
  }
}
