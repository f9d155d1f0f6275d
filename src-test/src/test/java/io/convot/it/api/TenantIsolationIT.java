package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** One organization never reaches another's apps, members or API keys: their ids are simply not found. */
class TenantIsolationIT {

  private static JsonObject createKey(Api api) {
    Api.Reply reply = api.post("/api/v1/api-keys", "{\"name\": \"Integration\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private static JsonArray list(Api api, String path) {
    Api.Reply reply = api.get(path);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data");
  }

  @Test
  void secondOrganizationGetsNotFoundForFirstOrganizationsApp() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    String appId = Organizations.createApp(first.api(), "Private").getString("id");

    assertProblem(second.api().get("/api/v1/apps/" + appId), 404, "not_found");
  }

  @Test
  void secondOrganizationCannotUpdateFirstOrganizationsApp() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    String appId = Organizations.createApp(first.api(), "Private").getString("id");

    assertProblem(second.api().patch("/api/v1/apps/" + appId, "{\"name\": \"Hijacked\"}"), 404, "not_found");
    assertProblem(second.api().post("/api/v1/apps/" + appId + "/identity-secret/rotate", null), 404, "not_found");
    assertEquals("Private", first.api().get("/api/v1/apps/" + appId).string("name"));
  }

  @Test
  void secondOrganizationCannotDeleteFirstOrganizationsApp() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    String appId = Organizations.createApp(first.api(), "Private").getString("id");

    assertProblem(second.api().delete("/api/v1/apps/" + appId), 404, "not_found");
    assertEquals(200, first.api().get("/api/v1/apps/" + appId).status());
  }

  @Test
  void secondOrganizationsApiKeyGetsNotFoundForFirstOrganizationsApp() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    String appId = Organizations.createApp(first.api(), "Private").getString("id");
    Api secondKey = Api.withToken(createKey(second.api()).getString("key"));

    assertProblem(secondKey.get("/api/v1/apps/" + appId), 404, "not_found");
  }

  @Test
  void secondOrganizationCannotReadChangeOrRemoveFirstOrganizationsMember() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    String member = "/api/v1/members/" + first.memberId();

    assertProblem(second.api().get(member), 404, "not_found");
    assertProblem(second.api().patch(member, "{\"role\": \"agent\"}"), 404, "not_found");
    assertProblem(second.api().delete(member), 404, "not_found");
    assertEquals("owner", first.api().get(member).string("role"));
  }

  @Test
  void secondOrganizationCannotRevokeFirstOrganizationsApiKey() {
    Owner first = Organizations.signUp("First");
    Owner second = Organizations.signUp("Second");
    JsonObject key = createKey(first.api());

    assertProblem(second.api().delete("/api/v1/api-keys/" + key.getString("id")), 404, "not_found");
    assertEquals(200, Api.withToken(key.getString("key")).get("/api/v1/me").status());
  }

  @Test
  void secondOrganizationsListsShowNothingOfTheFirst() {
    Owner first = Organizations.signUp("First");
    Organizations.createApp(first.api(), "Private");
    createKey(first.api());
    Owner second = Organizations.signUp("Second");

    assertTrue(list(second.api(), "/api/v1/apps").isEmpty());
    assertTrue(list(second.api(), "/api/v1/api-keys").isEmpty());
    JsonArray members = list(second.api(), "/api/v1/members");
    assertEquals(1, members.size(), members::toString);
    assertEquals(second.memberId(), members.getJsonObject(0).getString("id"));
  }
}
