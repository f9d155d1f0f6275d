package io.convot.contact;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A widget session: one browser's bearer token (stored as a hash) for one contact. A verified
 * session proved its identity with a valid {@code user_hash}.
 */
@Entity
@Table(name = "widget_sessions")
public class VisitorSession extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(name = "contact_id", nullable = false)
  private UUID contactId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private boolean verified;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  protected VisitorSession() {}

  public VisitorSession(Contact contact, String tokenHash, boolean verified) {
    this.id = UUID.randomUUID();
    this.appId = contact.appId();
    this.contactId = contact.id();
    this.tokenHash = tokenHash;
    this.verified = verified;
    this.createdAt = Timestamps.now();
    this.lastSeenAt = createdAt;
  }

  public void seen() {
    lastSeenAt = Timestamps.now();
  }

  public void markVerified() {
    verified = true;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public UUID contactId() {
    return contactId;
  }

  public boolean verified() {
    return verified;
  }
}
