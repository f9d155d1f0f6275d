package io.convot.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-out JWT, remembered until it would have expired anyway. */
@Entity
@Table(name = "revoked_tokens")
public class RevokedToken {

  @Id private String jti;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected RevokedToken() {}

  public RevokedToken(String jti, Instant expiresAt) {
    this.jti = jti;
    this.expiresAt = expiresAt;
  }
}
