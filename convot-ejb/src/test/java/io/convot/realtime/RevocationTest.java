package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which live connections a revocation ends. */
class RevocationTest {

  private static final Instant CUT = Instant.parse("2026-01-01T10:00:00Z");
  private final UUID member = UUID.randomUUID();
  private final UUID contact = UUID.randomUUID();

  private LiveClients.Credential token(String id, Instant issuedAt) {
    return new LiveClients.Credential(member, id, issuedAt, issuedAt.plusSeconds(3600));
  }

  @Test
  void aSignOutEndsOnlyThatToken() {
    Revocation revocation = Revocation.ofCredential("jti-1");

    assertTrue(revocation.ends(token("jti-1", CUT), null));
    assertFalse(revocation.ends(token("jti-2", CUT), null));
    assertFalse(revocation.ends(null, contact), "a visitor has no agent credential");
  }

  @Test
  void anApiKeysRevocationEndsItsConnections() {
    String keyId = UUID.randomUUID().toString();
    LiveClients.Credential key = new LiveClients.Credential(null, keyId, null, null);

    assertTrue(Revocation.ofCredential(keyId).ends(key, null));
    assertFalse(Revocation.ofMember(member).ends(key, null), "an API key has no member");
  }

  @Test
  void aRemovalEndsEveryTokenOfTheMember() {
    Revocation revocation = Revocation.ofMember(member);

    assertTrue(revocation.ends(token("old", CUT.minusSeconds(3600)), null));
    assertTrue(revocation.ends(token("new", CUT.plusSeconds(3600)), null));
    assertFalse(revocation.ends(new LiveClients.Credential(UUID.randomUUID(), "other", CUT, CUT), null));
  }

  @Test
  void aPasswordChangeEndsEarlierTokensButTheOneThatMadeItAndLaterOnes() {
    Revocation revocation = Revocation.ofMemberTokensBefore(member, CUT, "changer");

    assertTrue(revocation.ends(token("other device", CUT.minusSeconds(1)), null));
    assertFalse(revocation.ends(token("changer", CUT.minusSeconds(60)), null));
    assertFalse(revocation.ends(token("signed in after", CUT), null));
  }

  @Test
  void aContactsDeletionEndsItsVisitorsOnly() {
    Revocation revocation = Revocation.ofContact(contact);

    assertTrue(revocation.ends(null, contact));
    assertFalse(revocation.ends(null, UUID.randomUUID()));
    assertFalse(revocation.ends(token("jti", CUT), null));
  }
}
