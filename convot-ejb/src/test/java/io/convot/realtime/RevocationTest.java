package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.ErrorCode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which live connections a revocation ends. */
class RevocationTest {

  private static final Instant CUT = Instant.parse("2026-01-01T10:00:00Z");
  private final UUID member = UUID.randomUUID();
  private final UUID contact = UUID.randomUUID();
  private final UUID app = UUID.randomUUID();

  private LiveClients.Credential token(String id, Instant issuedAt) {
    return new LiveClients.Credential(member, id, issuedAt, issuedAt.plusSeconds(3600));
  }

  @Test
  void aSignOutEndsOnlyThatToken() {
    Revocation revocation = Revocation.ofCredential("jti-1");

    assertTrue(revocation.ends(token("jti-1", CUT)));
    assertFalse(revocation.ends(token("jti-2", CUT)));
    assertFalse(revocation.ends(new LiveClients.Visitor(app, contact, false)), "a visitor has no agent credential");
  }

  @Test
  void anApiKeysRevocationEndsItsConnections() {
    String keyId = UUID.randomUUID().toString();
    LiveClients.Credential key = new LiveClients.Credential(null, keyId, null, null);

    assertTrue(Revocation.ofCredential(keyId).ends(key));
    assertFalse(Revocation.ofMember(member).ends(key), "an API key has no member");
  }

  @Test
  void aRemovalEndsEveryTokenOfTheMember() {
    Revocation revocation = Revocation.ofMember(member);

    assertTrue(revocation.ends(token("old", CUT.minusSeconds(3600))));
    assertTrue(revocation.ends(token("new", CUT.plusSeconds(3600))));
    assertFalse(revocation.ends(new LiveClients.Credential(UUID.randomUUID(), "other", CUT, CUT)));
  }

  @Test
  void aPasswordChangeEndsEarlierTokensButTheOneThatMadeItAndLaterOnes() {
    Revocation revocation = Revocation.ofMemberTokensBefore(member, CUT, "changer");

    assertTrue(revocation.ends(token("other device", CUT.minusSeconds(1))));
    assertFalse(revocation.ends(token("changer", CUT.minusSeconds(60))));
    assertFalse(revocation.ends(token("signed in after", CUT)));
  }

  @Test
  void aContactsDeletionEndsItsVisitorsOnly() {
    Revocation revocation = Revocation.ofContact(contact);

    assertTrue(revocation.ends(new LiveClients.Visitor(app, contact, true)));
    assertFalse(revocation.ends(new LiveClients.Visitor(app, UUID.randomUUID(), false)));
    assertFalse(revocation.ends(token("jti", CUT)));
    assertEquals(ErrorCode.SESSION_INVALID, revocation.visitorReason());
  }

  @Test
  void anAppsDeletionEndsAllItsVisitors() {
    Revocation revocation = Revocation.ofApp(app);

    assertTrue(revocation.ends(new LiveClients.Visitor(app, contact, true)));
    assertTrue(revocation.ends(new LiveClients.Visitor(app, UUID.randomUUID(), false)));
    assertFalse(revocation.ends(new LiveClients.Visitor(UUID.randomUUID(), contact, false)));
    assertEquals(ErrorCode.SESSION_INVALID, revocation.visitorReason());
  }

  @Test
  void requiringVerificationEndsTheAppsUnverifiedVisitorsOnly() {
    Revocation revocation = Revocation.ofUnverifiedVisitors(app);

    assertTrue(revocation.ends(new LiveClients.Visitor(app, contact, false)));
    assertFalse(revocation.ends(new LiveClients.Visitor(app, contact, true)));
    assertFalse(revocation.ends(new LiveClients.Visitor(UUID.randomUUID(), contact, false)));
    assertEquals(ErrorCode.IDENTITY_VERIFICATION_REQUIRED, revocation.visitorReason());
  }
}
