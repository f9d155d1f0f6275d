package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** API keys: shown once, usable as bearer tokens, revocable at once. */
class ApiKeysIT {

  private static JsonObject createKey(Api api, String name) {
    Api.Reply reply = api.post("/api/v1/api-keys", "{\"name\": \"" + name + "\"}");
    assertEquals(201, reply.status(), () -> "API key creation failed: " + reply);
    return reply.json();
  }

  @Test
  void createdKeyIsShownOnceWithItsPrefix() {
    Owner owner = Organizations.signUp("Keys");

    Api.Reply reply = owner.api().post("/api/v1/api-keys", "{\"name\": \"CI\"}");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject key = reply.json();
    assertNotNull(key.getString("id"));
    assertEquals("CI", key.getString("name"));
    assertTrue(key.getString("key").startsWith("cvk_"), key::toString);
    assertFalse(key.getString("prefix").isBlank());
    assertNotNull(key.getString("created_at"));
  }

  @Test
  void listShowsTheKeyButNeverItsSecret() {
    Owner owner = Organizations.signUp("Key list");
    JsonObject created = createKey(owner.api(), "Zapier");

    Api.Reply list = owner.api().get("/api/v1/api-keys");

    assertEquals(200, list.status(), list::toString);
    JsonObject listed = list.json().getJsonArray("data").getJsonObject(0);
    assertEquals(created.getString("id"), listed.getString("id"));
    assertEquals("Zapier", listed.getString("name"));
    assertEquals(created.getString("prefix"), listed.getString("prefix"));
    assertFalse(listed.containsKey("key"), listed::toString);
    assertFalse(list.body().contains(created.getString("key")), list::toString);
  }

  @Test
  void keyWorksAsBearerTokenForItsOrganizationWithoutAMember() {
    Owner owner = Organizations.signUp("Key bearer");
    String appId = Organizations.createApp(owner.api(), "Reachable").getString("id");
    Api withKey = Api.withToken(createKey(owner.api(), "Bearer").getString("key"));

    Api.Reply me = withKey.get("/api/v1/me");
    Api.Reply app = withKey.get("/api/v1/apps/" + appId);

    assertEquals(200, me.status(), me::toString);
    assertTrue(me.isNull("member"), me::toString);
    assertEquals(owner.organizationId(), me.json().getJsonObject("organization").getString("id"));
    assertEquals(200, app.status(), app::toString);
    assertEquals("Reachable", app.string("name"));
  }

  @Test
  void revokedKeyIsRefusedAtOnce() {
    Owner owner = Organizations.signUp("Key revoke");
    JsonObject created = createKey(owner.api(), "Short-lived");
    Api withKey = Api.withToken(created.getString("key"));
    assertEquals(200, withKey.get("/api/v1/me").status());

    Api.Reply revoke = owner.api().delete("/api/v1/api-keys/" + created.getString("id"));

    assertEquals(204, revoke.status(), revoke::toString);
    Api.Reply refused = withKey.get("/api/v1/me");
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    assertEquals(0, owner.api().get("/api/v1/api-keys").json().getJsonArray("data").size());
  }

  @Test
  void agentCannotCreateApiKeys() {
    Owner owner = Organizations.signUp("Agent keys");
    Team.Joined agent = Team.join(owner, "agent");

    Api.Reply reply = agent.api().post("/api/v1/api-keys", "{\"name\": \"Not allowed\"}");

    assertProblem(reply, 403, "insufficient_role");
    assertEquals(0, owner.api().get("/api/v1/api-keys").json().getJsonArray("data").size());
  }
}
