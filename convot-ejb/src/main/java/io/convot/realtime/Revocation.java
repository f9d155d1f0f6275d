package io.convot.realtime;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credentials that stopped working, published on the realtime topic like a live update so that
 * every server closes the live connections they opened. Exactly one of {@code credentialId},
 * {@code memberId} and {@code contactId} is set.
 *
 * @param credentialId a signed-out JWT's {@code jti} or a revoked API key's id
 * @param memberId a member whose tokens ended: all of them (removal), or those issued before
 *     {@code issuedBefore} except {@code keptCredentialId} (a password change, which keeps the token
 *     that made it)
 * @param contactId a contact whose visitor sessions ended
 */
public record Revocation(String credentialId, UUID memberId, Instant issuedBefore, String keptCredentialId, UUID contactId) {

  public static Revocation ofCredential(String credentialId) {
    return new Revocation(Objects.requireNonNull(credentialId), null, null, null, null);
  }

  public static Revocation ofMember(UUID memberId) {
    return new Revocation(null, Objects.requireNonNull(memberId), null, null, null);
  }

  public static Revocation ofMemberTokensBefore(UUID memberId, Instant issuedBefore, String keptCredentialId) {
    return new Revocation(null, Objects.requireNonNull(memberId), Objects.requireNonNull(issuedBefore), keptCredentialId, null);
  }

  public static Revocation ofContact(UUID contactId) {
    return new Revocation(null, null, null, null, Objects.requireNonNull(contactId));
  }

  /** Whether a connection opened with {@code credential} (an agent's) or for {@code contact} (a visitor's) ends. */
  boolean ends(LiveClients.Credential credential, UUID contact) {
    if (contactId != null) {
      return contactId.equals(contact);
    }
    if (credential == null) {
      return false;
    }
    if (credentialId != null) {
      return credentialId.equals(credential.id());
    }
    // A token issued after a password change, connected before this arrived, is not the one revoked.
    return memberId.equals(credential.memberId())
        && !credential.id().equals(keptCredentialId)
        && (issuedBefore == null || credential.issuedAt() == null || credential.issuedAt().isBefore(issuedBefore));
  }
}
