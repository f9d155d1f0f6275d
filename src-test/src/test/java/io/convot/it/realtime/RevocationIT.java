package io.convot.it.realtime;

import static io.convot.it.support.LiveClient.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.SignedTokens;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A live connection lasts no longer than its credential: signing out, removing the member, revoking
 * the API key, changing the password (for the member's other tokens), deleting a visitor's contact
 * and the token's expiry each close it, with a close reason, within a second.
 */
class RevocationIT {

  private static final Duration SOON = Duration.ofSeconds(10);
  /** How soon after a revocation (or an expiry) its live connections must be closed. */
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  /** How long a connection that must stay open is watched for a close or a missing update. */
  private static final Duration WATCH = Duration.ofSeconds(2);

  private final Organizations.Owner owner = Organizations.signUp("Revocation Co");
  private final Widget widget = new Widget(Widget.createApp(owner.api(), "Live", false).getString("app_key"));

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }

  private static LiveClient agent(String token) throws InterruptedException {
    LiveClient client = LiveClient.connect("/realtime/v1/agent", auth(token));
    client.await(ofType("ready"), SOON);
    return client;
  }

  private static Predicate<JsonObject> messageWithText(String text) {
    return message -> "message".equals(message.getString("type", null))
        && text.equals(message.getJsonObject("message").getString("text", null));
  }

  private static String signIn(String email, String password) {
    Api.Reply reply = Api.anonymous().post("/api/v1/auth/login",
        Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
    assertEquals(200, reply.status(), reply::toString);
    return reply.string("token");
  }

  /** The connection was told why and closed with the policy-violation code and that reason. */
  private static void assertClosedFor(LiveClient client, String code, Duration within) throws Exception {
    assertEquals("1008 " + code, client.closeReason(within), () -> "received " + client.history());
    assertTrue(client.history().stream().anyMatch(m -> "error".equals(m.getString("type", null))
        && code.equals(m.getString("code", null))), () -> "no error message before the close: " + client.history());
  }

  /** A connection that must survive stays open and still receives the organization's updates. */
  private void assertStillLive(LiveClient client, String visitorToken, String text) throws Exception {
    Widget.send(visitorToken, text);
    client.await(messageWithText(text), SOON);
    assertThrowsTimeout(client);
  }

  private static void assertThrowsTimeout(LiveClient client) throws Exception {
    try {
      String reason = client.closeReason(WATCH);
      throw new AssertionError("the connection was closed (" + reason + ") but should stay open");
    } catch (java.util.concurrent.TimeoutException expected) {
      // still open after watching for WATCH
    }
  }

  @Test
  void signingOutClosesThatTokensConnectionAndNoOther() throws Exception {
    String otherToken = signIn(owner.email(), Organizations.PASSWORD);
    String visitor = widget.session("");
    try (LiveClient signedOut = agent(otherToken); LiveClient stays = agent(owner.token())) {
      Api.Reply logout = Api.withToken(otherToken).post("/api/v1/auth/logout", "");
      assertEquals(204, logout.status(), logout::toString);

      assertClosedFor(signedOut, "token_revoked", WITHIN_A_SECOND);
      assertStillLive(stays, visitor, "after the sign-out");
      assertFalse(signedOut.history().stream().anyMatch(messageWithText("after the sign-out")), signedOut.history()::toString);
    }
  }

  @Test
  void removingAMemberClosesTheirConnections() throws Exception {
    Team.Joined agent = Team.join(owner, "agent");
    String secondToken = signIn(agent.email(), Organizations.PASSWORD);
    String visitor = widget.session("");
    try (LiveClient first = agent(agent.token()); LiveClient second = agent(secondToken); LiveClient stays = agent(owner.token())) {
      Api.Reply removal = owner.api().delete("/api/v1/members/" + agent.memberId());
      assertEquals(204, removal.status(), removal::toString);

      assertClosedFor(first, "token_revoked", WITHIN_A_SECOND);
      assertClosedFor(second, "token_revoked", WITHIN_A_SECOND);
      assertStillLive(stays, visitor, "after the removal");
    }
  }

  @Test
  void revokingAnApiKeyClosesItsConnections() throws Exception {
    JsonObject key = owner.api().post("/api/v1/api-keys", "{\"name\": \"Dashboard bot\"}").json();
    JsonObject otherKey = owner.api().post("/api/v1/api-keys", "{\"name\": \"Other bot\"}").json();
    String visitor = widget.session("");
    try (LiveClient revoked = agent(key.getString("key")); LiveClient stays = agent(otherKey.getString("key"))) {
      Api.Reply revoke = owner.api().delete("/api/v1/api-keys/" + key.getString("id"));
      assertEquals(204, revoke.status(), revoke::toString);

      assertClosedFor(revoked, "token_revoked", WITHIN_A_SECOND);
      assertStillLive(stays, visitor, "after the key's revocation");
    }
  }

  @Test
  void aConnectionClosesAtItsTokensExpiryWithoutAnyTraffic() throws Exception {
    Instant expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS); // exp is whole seconds
    String shortLived = SignedTokens.expiringAt(owner.organizationId(), owner.memberId(), owner.email(), "owner", expiresAt);
    try (LiveClient client = agent(shortLived)) {
      assertEquals(200, Api.withToken(shortLived).get("/api/v1/me").status(), "the token works until it expires");

      String reason = client.closeReason(Duration.between(Instant.now(), expiresAt).plus(WITHIN_A_SECOND));
      Instant closedBy = Instant.now();

      assertEquals("1008 token_expired", reason, () -> "received " + client.history());
      assertFalse(closedBy.isBefore(expiresAt.minusMillis(50)), () -> "closed at " + closedBy + ", before its expiry " + expiresAt);
      assertTrue(client.history().stream().anyMatch(m -> "token_expired".equals(m.getString("code", null))), client.history()::toString);
    }
  }

  @Test
  void aConnectionOpenedWithAnExpiredOrRevokedTokenIsRefused() throws Exception {
    String expired = SignedTokens.expiringAt(owner.organizationId(), owner.memberId(), owner.email(), "owner",
        Instant.now().minusSeconds(5));
    try (LiveClient client = LiveClient.connect("/realtime/v1/agent", auth(expired))) {
      assertEquals("token_invalid", client.await(ofType("error"), SOON).getString("code"));
      assertTrue(client.closeReason(SOON).startsWith("1008"));
    }
    String signedOut = signIn(owner.email(), Organizations.PASSWORD);
    assertEquals(204, Api.withToken(signedOut).post("/api/v1/auth/logout", "").status());
    try (LiveClient client = LiveClient.connect("/realtime/v1/agent", auth(signedOut))) {
      assertEquals("token_revoked", client.await(ofType("error"), SOON).getString("code"));
      assertTrue(client.closeReason(SOON).startsWith("1008"));
    }
  }

  @Test
  void changingThePasswordClosesTheMembersOtherConnectionsButNotTheOneThatChangedIt() throws Exception {
    String otherToken = signIn(owner.email(), Organizations.PASSWORD);
    String visitor = widget.session("");
    try (LiveClient other = agent(otherToken); LiveClient changer = agent(owner.token())) {
      Api.Reply change = owner.api().post("/api/v1/me/password", """
          {"current_password": "%s", "new_password": "a brand new passphrase"}
          """.formatted(Organizations.PASSWORD));
      assertEquals(204, change.status(), change::toString);

      assertClosedFor(other, "token_revoked", WITHIN_A_SECOND);
      assertStillLive(changer, visitor, "after the password change");
    }
  }

  @Test
  void deletingAContactClosesItsVisitorsConnection() throws Exception {
    String session = widget.session("\"user\": {\"email\": \"leaving@shop.test\"}");
    String stayingSession = widget.session("\"user\": {\"email\": \"staying@shop.test\"}");
    try (LiveClient visitor = LiveClient.connect("/realtime/v1/widget", auth(session));
         LiveClient staying = LiveClient.connect("/realtime/v1/widget", auth(stayingSession))) {
      String contactId = visitor.await(ofType("ready"), SOON).getString("contact_id");
      staying.await(ofType("ready"), SOON);

      Api.Reply deletion = owner.api().delete("/api/v1/contacts/" + contactId);
      assertEquals(204, deletion.status(), deletion::toString);

      assertClosedFor(visitor, "session_invalid", WITHIN_A_SECOND);
      assertThrowsTimeout(staying);
    }
  }

  @Test
  void deletingAnAppClosesItsVisitorsConnectionsAndNoOtherAppsOnes() throws Exception {
    JsonObject doomed = Widget.createApp(owner.api(), "Doomed", false);
    String session = new Widget(doomed.getString("app_key")).session("");
    String otherAppSession = widget.session("");
    try (LiveClient visitor = LiveClient.connect("/realtime/v1/widget", auth(session));
         LiveClient otherApps = LiveClient.connect("/realtime/v1/widget", auth(otherAppSession))) {
      visitor.await(ofType("ready"), SOON);
      otherApps.await(ofType("ready"), SOON);

      Api.Reply deletion = owner.api().delete("/api/v1/apps/" + doomed.getString("id"));
      assertEquals(204, deletion.status(), deletion::toString);

      assertClosedFor(visitor, "session_invalid", WITHIN_A_SECOND);
      assertThrowsTimeout(otherApps);
    }
  }

  @Test
  void requiringIdentityVerificationClosesTheAppsUnverifiedVisitorsOnly() throws Exception {
    String secret = owner.api().get("/api/v1/apps").json().getJsonArray("data").getJsonObject(0).getString("identity_secret");
    String unverified = widget.session("\"user\": {\"email\": \"anon@shop.test\"}");
    String verified = widget.session("\"user\": {\"email\": \"ann@shop.test\"}, \"user_hash\": \""
        + Widget.userHash(secret, "ann@shop.test") + "\"");
    String appId = owner.api().get("/api/v1/apps").json().getJsonArray("data").getJsonObject(0).getString("id");
    try (LiveClient anonymous = LiveClient.connect("/realtime/v1/widget", auth(unverified));
         LiveClient proven = LiveClient.connect("/realtime/v1/widget", auth(verified))) {
      anonymous.await(ofType("ready"), SOON);
      proven.await(ofType("ready"), SOON);

      Api.Reply strict = owner.api().patch("/api/v1/apps/" + appId, "{\"require_identity_verification\": true}");
      assertEquals(200, strict.status(), strict::toString);

      assertClosedFor(anonymous, "identity_verification_required", WITHIN_A_SECOND);
      assertThrowsTimeout(proven);
    }
  }

  @Test
  void revokingAnIntegrationTokenClosesItsConnections() throws Exception {
    JsonObject issued = owner.api().post("/api/v1/tokens", "{\"name\": \"Dashboard wall\"}").json();
    String visitor = widget.session("");
    try (LiveClient revoked = agent(issued.getString("token")); LiveClient stays = agent(owner.token())) {
      Api.Reply revoke = owner.api().delete("/api/v1/tokens/" + issued.getString("id"));
      assertEquals(204, revoke.status(), revoke::toString);

      assertClosedFor(revoked, "token_revoked", WITHIN_A_SECOND);
      assertStillLive(stays, visitor, "after the integration token's revocation");
    }
  }
}
