package io.convot.it.webhook;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The endpoints API: bad input saves nothing, secrets are shown once, other organizations see nothing. */
class WebhookEndpointsIT {

  private final Organizations.Owner owner = Organizations.signUp("Endpoint Co");

  private long endpointsOf(String organizationId) {
    return Database.count("SELECT count(*) FROM webhook_endpoints WHERE organization_id = ?::uuid", organizationId);
  }

  @Test
  void refusesInvalidUrlsAndUnknownEventTypesAndSavesNothing() {
    Api api = owner.api();
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"not a url\"}"), "url");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"ftp://files.example.test/in\"}"), "url");
    assertValidationError(api.post("/api/v1/webhooks", "{}"), "url");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\", \"events\": [\"message.received\", \"message.exploded\"]}"), "events[1]");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\", \"app_ids\": [\"" + UUID.randomUUID() + "\"]}"), "app_ids[0]");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\", \"retries\": 3}"), "retries");
    assertProblem(api.post("/api/v1/webhooks", "{\"url\": "), 400, "malformed_request");

    assertEquals(0, endpointsOf(owner.organizationId()));
  }

  @Test
  void anEndpointCanSubscribeToTheTestEvent() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Api.Reply created = owner.api().post("/api/v1/webhooks",
          "{\"url\": \"" + receiver.url() + "\", \"events\": [\"webhook.test\", \"message.received\"]}");
      assertEquals(201, created.status(), created::toString);
      String id = created.string("id");
      assertEquals(List.of("webhook.test", "message.received"), owner.api().get("/api/v1/webhooks/" + id).json()
          .getJsonArray("events").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
      Api.Reply onlyTest = owner.api().patch("/api/v1/webhooks/" + id, "{\"events\": [\"webhook.test\"]}");
      assertEquals(200, onlyTest.status(), onlyTest::toString);

      owner.api().post("/api/v1/webhooks/" + id + "/test", "");

      Receiver.Request test = receiver.await(Receiver.ofType("webhook.test"), 1, WebhookFixtures.SOON).get(0);
      WebhookFixtures.verify(created.string("secret"), test);
    }
  }

  @Test
  void showsTheSecretOnlyWhenCreatedAndUpdatesFilters() throws Exception {
    try (Receiver receiver = new Receiver()) {
      JsonObject created = WebhookFixtures.endpoint(owner.api(), receiver.url());
      String id = created.getString("id");
      assertEquals(receiver.url(), created.getString("url"));

      JsonObject read = owner.api().get("/api/v1/webhooks/" + id).json();
      assertFalse(read.containsKey("secret"));
      assertFalse(owner.api().get("/api/v1/webhooks").body().contains(created.getString("secret")));
      String stored = (String) Database.single("SELECT secret FROM webhook_endpoints WHERE id = ?::uuid", id);
      assertTrue(stored.startsWith("v1:"), "the secret is stored sealed: " + stored.substring(0, 8));
      assertFalse(stored.contains(created.getString("secret").substring("whsec_".length())));

      JsonObject updated = owner.api().patch("/api/v1/webhooks/" + id, "{\"events\": [\"conversation.resolved\"]}").json();
      assertEquals("conversation.resolved", updated.getJsonArray("events").getString(0));
      assertValidationError(owner.api().patch("/api/v1/webhooks/" + id, "{\"events\": [\"nope\"]}"), "events[0]");
      assertEquals("conversation.resolved", owner.api().get("/api/v1/webhooks/" + id).json().getJsonArray("events").getString(0));

      assertEquals(204, owner.api().delete("/api/v1/webhooks/" + id).status());
      assertProblem(owner.api().get("/api/v1/webhooks/" + id), 404, "not_found");
    }
  }

  @Test
  void agentsCannotManageWebhooks() {
    String agentToken = io.convot.it.support.Organizations.signUp("Agents Co").token();
    // An owner of another organization is no agent here; an agent of this one is refused.
    Api.Reply invited = owner.api().post("/api/v1/members", "{\"email\": \"" + Organizations.uniqueEmail("agent") + "\", \"role\": \"agent\"}");
    String url = invited.json().getJsonObject("invitation").getString("url");
    String token = Api.anonymous().post("/api/v1/invitations/" + url.substring(url.lastIndexOf('/') + 1) + "/accept",
        "{\"name\": \"Agent\", \"password\": \"" + Organizations.PASSWORD + "\"}").string("token");

    assertProblem(Api.withToken(token).get("/api/v1/webhooks"), 403, "insufficient_role");
    assertProblem(Api.withToken(token).post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\"}"), 403, "insufficient_role");
    assertEquals(0, Api.withToken(agentToken).get("/api/v1/webhooks").json().getJsonArray("data").size());
  }

  @Test
  void anotherOrganizationGetsNotFoundOnEndpointsAndDeliveries() throws Exception {
    try (Receiver receiver = new Receiver()) {
      JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url());
      String id = endpoint.getString("id");
      JsonObject delivery = owner.api().post("/api/v1/webhooks/" + id + "/test", "").json();
      Api nosy = Organizations.signUp("Nosy Hooks").api();

      assertProblem(nosy.get("/api/v1/webhooks/" + id), 404, "not_found");
      assertProblem(nosy.patch("/api/v1/webhooks/" + id, "{\"url\": \"https://evil.example.test\"}"), 404, "not_found");
      assertProblem(nosy.delete("/api/v1/webhooks/" + id), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/secret/rotate", ""), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/test", ""), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/enable", ""), 404, "not_found");
      assertProblem(nosy.get("/api/v1/webhooks/" + id + "/deliveries"), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery.getString("id") + "/retry", ""), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"2020-01-01T00:00:00Z\"}"), 404, "not_found");
      assertEquals(0, nosy.get("/api/v1/webhooks").json().getJsonArray("data").size());

      assertEquals(receiver.url(), owner.api().get("/api/v1/webhooks/" + id).json().getString("url"));
    }
  }
}
