package io.convot.realtime;

import io.convot.common.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credentials that stopped working, published on the realtime topic like a live update so that
 * every server closes the live connections they opened. Exactly one of {@code credentialId},
 * {@code memberId}, {@code contactId} and {@code appId} is set.
 *
 * @param credentialId a signed-out JWT's {@code jti} or a revoked API key's id
 * @param memberId a member whose tokens ended: all of them (removal), or those issued before
 *     {@code issuedBefore} except {@code keptCredentialId} (a password change, which keeps the token
 *     that made it)
 * @param contactId a contact whose visitor sessions ended (the contact was deleted)
 * @param appId an app whose visitor sessions ended: all of them (the app was deleted), or the
 *     unverified ones ({@code unverifiedOnly}: the app now requires identity verification)
 */
public record Revocation(String credentialId, UUID memberId, Instant issuedBefore, String keptCredentialId, UUID contactId,
    UUID appId, boolean unverifiedOnly) {

  public static Revocation ofCredential(String credentialId) {
    return new Revocation(Objects.requireNonNull(credentialId), null, null, null, null, null, false);
  }

  public static Revocation ofMember(UUID memberId) {
    return new Revocation(null, Objects.requireNonNull(memberId), null, null, null, null, false);
  }

  public static Revocation ofMemberTokensBefore(UUID memberId, Instant issuedBefore, String keptCredentialId) {
    return new Revocation(null, Objects.requireNonNull(memberId), Objects.requireNonNull(issuedBefore), keptCredentialId,
        null, null, false);
  }

  public static Revocation ofContact(UUID contactId) {
    return new Revocation(null, null, null, null, Objects.requireNonNull(contactId), null, false);
  }

  public static Revocation ofApp(UUID appId) {
    return new Revocation(null, null, null, null, null, Objects.requireNonNull(appId), false);
  }

  public static Revocation ofUnverifiedVisitors(UUID appId) {
    return new Revocation(null, null, null, null, null, Objects.requireNonNull(appId), true);
  }

  /** Whether an agent's connection opened with {@code credential} ends. */
  boolean ends(LiveClients.Credential credential) {
    if (credentialId != null) {
      return credentialId.equals(credential.id());
    }
    if (memberId == null) {
      return false;
    }
    // A token issued after a password change, connected before this arrived, is not the one revoked.
    return memberId.equals(credential.memberId())
        && !credential.id().equals(keptCredentialId)
        && (issuedBefore == null || credential.issuedAt() == null || credential.issuedAt().isBefore(issuedBefore));
  }

  /** Whether a visitor's connection ends. */
  boolean ends(LiveClients.Visitor visitor) {
    if (contactId != null) {
      return contactId.equals(visitor.contactId());
    }
    return appId != null && appId.equals(visitor.appId()) && !(unverifiedOnly && visitor.verified());
  }

  /** What a visitor whose connection ends is told. */
  ErrorCode visitorReason() {
    return unverifiedOnly ? ErrorCode.IDENTITY_VERIFICATION_REQUIRED : ErrorCode.SESSION_INVALID;
  }
}
