package io.convot.access;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.time.Instant;
import java.util.UUID;

/**
 * Who is calling: a member signed in with a JWT, or an integration using an API key (which acts
 * with an admin's rights and no member). A JWT's issue and expiry times come along ({@code null}
 * for an API key): a live connection closes at the expiry, and a password change ends the member's
 * tokens issued before it.
 */
public record Caller(
    UUID organizationId,
    UUID memberId,
    Role role,
    boolean revenueAccess,
    Credential credential,
    String credentialId,
    Instant credentialExpiresAt,
    Instant credentialIssuedAt) {

  public enum Credential { JWT, API_KEY }

  public Caller(UUID organizationId, UUID memberId, Role role, boolean revenueAccess, Credential credential,
      String credentialId, Instant credentialExpiresAt) {
    this(organizationId, memberId, role, revenueAccess, credential, credentialId, credentialExpiresAt, null);
  }

  public boolean isMember() {
    return credential == Credential.JWT;
  }

  /** Owners and admins (and API keys) manage apps, keys and members; agents do not. */
  public void requireManager() {
    if (!role.canManage()) {
      throw new ConvotException(ErrorCode.INSUFFICIENT_ROLE, "Only owners and admins can do this");
    }
  }

  public void requireOwner() {
    if (role != Role.OWNER) {
      throw new ConvotException(ErrorCode.INSUFFICIENT_ROLE, "Only owners can do this");
    }
  }
}
