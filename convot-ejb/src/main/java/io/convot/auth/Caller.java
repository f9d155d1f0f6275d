package io.convot.auth;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.time.Instant;
import java.util.UUID;

/**
 * Who is calling: a member signed in with a JWT, or an integration using an API key (which acts
 * with an admin's rights and no member).
 */
public record Caller(
    UUID organizationId,
    UUID memberId,
    Role role,
    boolean revenueAccess,
    Credential credential,
    String credentialId,
    Instant credentialExpiresAt) {

  public enum Credential { JWT, API_KEY }

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
