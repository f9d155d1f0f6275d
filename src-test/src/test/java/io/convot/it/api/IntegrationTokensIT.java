package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/tokens}: JWTs that owners and admins issue to integrations, shown once, revocable;
 * expired ones stay listed, marked, for 30 days (the test server prunes every few seconds).
 */
class IntegrationTokensIT {

  private static final Duration PRUNED_WITHIN = Duration.ofSeconds(30);

  private final Organizations.Owner owner = Organizations.signUp("Token Co");

  private static JsonObject issue(Api api, String body) {
    Api.Reply reply = api.post("/api/v1/tokens", body);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private static JsonObject claims(String jwt) {
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(payload)).readObject();
  }

  private long storedTokens() {
    return Database.count("SELECT count(*) FROM integration_tokens WHERE organization_id = ?::uuid", owner.organizationId());
  }

  @Test
  void anOwnersTokenActsAsThemForSixtyDaysAndIsShownOnlyOnce() {
    Api.Reply reply = owner.api().post("/api/v1/tokens", "{\"name\": \"Zapier\"}");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject issued = reply.json();
    String token = issued.getString("token");
    assertEquals("Zapier", issued.getString("name"));
    assertEquals(owner.memberId(), issued.getString("member_id"));
    assertTrue(reply.header("Location").endsWith("/api/v1/tokens/" + issued.getString("id")), reply::toString);
    Instant expiresAt = Instant.parse(issued.getString("expires_at"));
    Instant createdAt = Instant.parse(issued.getString("created_at"));
    assertTrue(Duration.between(createdAt, expiresAt).minus(Duration.ofDays(60)).abs().toSeconds() <= 2, issued::toString);
    assertEquals(issued.getString("id"), claims(token).getString("jti"));
    assertEquals(expiresAt.getEpochSecond(), claims(token).getJsonNumber("exp").longValue());

    Api.Reply me = Api.withToken(token).get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(owner.memberId(), me.json().getJsonObject("member").getString("id"));

    Api.Reply list = owner.api().get("/api/v1/tokens");
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.json().getJsonArray("data").size(), list::toString);
    JsonObject listed = list.json().getJsonArray("data").getJsonObject(0);
    assertEquals(issued.getString("id"), listed.getString("id"));
    assertEquals("Zapier", listed.getString("name"));
    assertFalse(listed.containsKey("token"), listed::toString);
    assertFalse(list.body().contains(token), "the token is never listed");
    Api.Reply one = owner.api().get("/api/v1/tokens/" + issued.getString("id"));
    assertEquals(200, one.status(), one::toString);
    assertFalse(one.body().contains(token), "the token is never shown again");
    assertFalse(Database.column("SELECT row_to_json(t)::text FROM integration_tokens t WHERE id = ?::uuid", issued.getString("id"))
        .toString().contains(token), "the token is never stored");
  }

  @Test
  void expiresInShortensTheTokensLife() {
    JsonObject issued = issue(owner.api(), "{\"name\": \"Nightly export\", \"expires_in\": 3600}");

    long lifetime = claims(issued.getString("token")).getJsonNumber("exp").longValue()
        - claims(issued.getString("token")).getJsonNumber("iat").longValue();
    assertEquals(3600, lifetime);
    assertEquals(Instant.parse(issued.getString("expires_at")).getEpochSecond(),
        claims(issued.getString("token")).getJsonNumber("exp").longValue());
  }

  @Test
  void revokingEndsTheTokenAtOnceAndOnlyThatToken() {
    JsonObject revoked = issue(owner.api(), "{\"name\": \"Old CRM\"}");
    JsonObject kept = issue(owner.api(), "{\"name\": \"New CRM\"}");
    assertEquals(200, Api.withToken(revoked.getString("token")).get("/api/v1/me").status());

    Api.Reply deleted = owner.api().delete("/api/v1/tokens/" + revoked.getString("id"));

    assertEquals(204, deleted.status(), deleted::toString);
    assertProblem(Api.withToken(revoked.getString("token")).get("/api/v1/me"), 401, "token_revoked");
    assertEquals(200, Api.withToken(kept.getString("token")).get("/api/v1/me").status());
    assertEquals(200, owner.api().get("/api/v1/me").status(), "the owner's own sign-in token still works");
    assertEquals(1, owner.api().get("/api/v1/tokens").json().getJsonArray("data").size());
    assertProblem(owner.api().delete("/api/v1/tokens/" + revoked.getString("id")), 404, "not_found");
    assertProblem(owner.api().get("/api/v1/tokens/" + revoked.getString("id")), 404, "not_found");
  }

  @Test
  void anAdminsTokenEndsWhenTheAdminIsRemoved() {
    Team.Joined admin = Team.join(owner, "admin");
    JsonObject issued = issue(admin.api(), "{\"name\": \"Admin's script\"}");
    assertEquals(admin.memberId(), issued.getString("member_id"));
    assertEquals(200, Api.withToken(issued.getString("token")).get("/api/v1/me").status());

    assertEquals(204, owner.api().delete("/api/v1/members/" + admin.memberId()).status());

    assertProblem(Api.withToken(issued.getString("token")).get("/api/v1/me"), 401, "token_revoked");
    assertEquals(0, owner.api().get("/api/v1/tokens").json().getJsonArray("data").size(), "a removed member's tokens are gone");
  }

  @Test
  void agentsMayNotIssueListOrRevokeTokens() {
    JsonObject issued = issue(owner.api(), "{\"name\": \"Owner's\"}");
    Team.Joined agent = Team.join(owner, "agent");

    assertProblem(agent.api().post("/api/v1/tokens", "{\"name\": \"Mine\"}"), 403, "insufficient_role");
    assertProblem(agent.api().get("/api/v1/tokens"), 403, "insufficient_role");
    assertProblem(agent.api().get("/api/v1/tokens/" + issued.getString("id")), 403, "insufficient_role");
    assertProblem(agent.api().delete("/api/v1/tokens/" + issued.getString("id")), 403, "insufficient_role");
    assertEquals(200, Api.withToken(issued.getString("token")).get("/api/v1/me").status());
    assertEquals(1, storedTokens());
  }

  @Test
  void onlyASignInTokenIssuesTokens() {
    String apiKey = owner.api().post("/api/v1/api-keys", "{\"name\": \"CI\"}").string("key");
    JsonObject issued = issue(owner.api(), "{\"name\": \"Integration\"}");

    assertProblem(Api.withToken(apiKey).post("/api/v1/tokens", "{\"name\": \"From a key\"}"), 403, "sign_in_required");
    assertProblem(Api.withToken(issued.getString("token")).post("/api/v1/tokens", "{\"name\": \"Forever\"}"), 403, "sign_in_required");
    assertEquals(1, storedTokens());
    // An API key acts as an admin: it may still see and revoke what was issued.
    assertEquals(1, Api.withToken(apiKey).get("/api/v1/tokens").json().getJsonArray("data").size());
    assertEquals(204, Api.withToken(apiKey).delete("/api/v1/tokens/" + issued.getString("id")).status());
  }

  @Test
  void badInputIsRefusedAndIssuesNothing() {
    assertValidationError(owner.api().post("/api/v1/tokens", "{}"), "name");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"name\": \"   \"}"), "name");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"name\": \"" + "x".repeat(101) + "\"}"), "name");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"name\": \"Short\", \"expires_in\": 59}"), "expires_in");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"name\": \"Long\", \"expires_in\": 5184001}"), "expires_in");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"expires_in\": 0}"), "name");
    assertValidationError(owner.api().post("/api/v1/tokens", "{\"name\": \"Soon\", \"expires_in\": \"soon\"}"), "expires_in");
    assertProblem(owner.api().post("/api/v1/tokens", "{\"name\": "), 400, "malformed_request");
    assertValidationError(owner.api().post("/api/v1/tokens", ""), "name");
    assertProblem(owner.api().delete("/api/v1/tokens/not-an-id"), 404, "not_found");
    assertProblem(Api.anonymous().post("/api/v1/tokens", "{\"name\": \"Anonymous\"}"), 401, "unauthenticated");

    assertEquals(0, storedTokens());
    assertEquals(0, owner.api().get("/api/v1/tokens").json().getJsonArray("data").size());
  }

  @Test
  void anotherOrganizationsTokenIsNotFound() {
    JsonObject issued = issue(owner.api(), "{\"name\": \"Private\"}");
    Organizations.Owner other = Organizations.signUp("Nosy Token Co");

    assertProblem(other.api().get("/api/v1/tokens/" + issued.getString("id")), 404, "not_found");
    assertProblem(other.api().delete("/api/v1/tokens/" + issued.getString("id")), 404, "not_found");
    assertEquals(0, other.api().get("/api/v1/tokens").json().getJsonArray("data").size());
    assertEquals(200, Api.withToken(issued.getString("token")).get("/api/v1/me").status(), "still valid after the probes");
  }

  @Test
  void anExpiredTokenStaysListedMarkedExpiredAndGoesThirtyDaysAfterItsExpiry() {
    JsonObject live = issue(owner.api(), "{\"name\": \"Live\"}");
    JsonObject recent = issue(owner.api(), "{\"name\": \"Expired 29 days ago\"}");
    JsonObject old = issue(owner.api(), "{\"name\": \"Expired 31 days ago\"}");
    assertFalse(owner.api().get("/api/v1/tokens/" + live.getString("id")).json().getBoolean("expired"));
    // An hour past expiry is listed, marked, and far from being pruned.
    setExpiry(recent, "1 hour");
    setExpiry(old, "1 hour");

    Api.Reply list = owner.api().get("/api/v1/tokens");
    assertEquals(List.of("Live:false", "Expired 29 days ago:true", "Expired 31 days ago:true"), list.json().getJsonArray("data")
        .getValuesAs(JsonObject.class).stream().map(t -> t.getString("name") + ":" + t.getBoolean("expired")).toList(), list::toString);
    assertTrue(owner.api().get("/api/v1/tokens/" + old.getString("id")).json().getBoolean("expired"));

    setExpiry(recent, "29 days");
    setExpiry(old, "31 days");
    Eventually.await(() -> owner.api().get("/api/v1/tokens/" + old.getString("id")).status(), status -> status == 404,
        PRUNED_WITHIN, "the token expired 31 days ago pruned");
    assertEquals(List.of(live.getString("id"), recent.getString("id")), owner.api().get("/api/v1/tokens").json().getJsonArray("data")
        .getValuesAs(JsonObject.class).stream().map(t -> t.getString("id")).toList());
    assertTrue(owner.api().get("/api/v1/tokens/" + recent.getString("id")).json().getBoolean("expired"));
    assertEquals(200, Api.withToken(live.getString("token")).get("/api/v1/me").status());
    assertTrue(TestServer.log().matches("(?s).*Retention: deleted [1-9][0-9]* integration tokens.*"), "the job logs what it deleted");
  }

  @Test
  void theSignOutListForgetsTokensThirtyDaysAfterTheyExpired() {
    JsonObject gone = issue(owner.api(), "{\"name\": \"Revoked long ago\"}");
    JsonObject kept = issue(owner.api(), "{\"name\": \"Revoked lately\"}");
    assertEquals(204, owner.api().delete("/api/v1/tokens/" + gone.getString("id")).status());
    assertEquals(204, owner.api().delete("/api/v1/tokens/" + kept.getString("id")).status());
    Database.update("UPDATE revoked_tokens SET expires_at = now() - interval '31 days' WHERE jti = ?", gone.getString("id"));
    Database.update("UPDATE revoked_tokens SET expires_at = now() - interval '29 days' WHERE jti = ?", kept.getString("id"));

    Eventually.await(() -> Database.count("SELECT count(*) FROM revoked_tokens WHERE jti = ?", gone.getString("id")),
        count -> count == 0, PRUNED_WITHIN, "the id of a token expired 31 days ago forgotten");
    assertEquals(1, Database.count("SELECT count(*) FROM revoked_tokens WHERE jti = ?", kept.getString("id")));
    assertProblem(Api.withToken(kept.getString("token")).get("/api/v1/me"), 401, "token_revoked");
  }

  private static void setExpiry(JsonObject token, String ago) {
    assertEquals(1, Database.update("UPDATE integration_tokens SET expires_at = now() - interval '" + ago + "' WHERE id = ?::uuid",
        token.getString("id")));
  }
}
