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
  void theDeliveryLogReadsNewestFirstPageByPageWhenAsked() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String id = WebhookFixtures.endpoint(owner.api(), receiver.url()).getString("id");
      List<String> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sent.add(owner.api().post("/api/v1/webhooks/" + id + "/test", "").string("id"));
      }

      JsonObject first = owner.api().get("/api/v1/webhooks/" + id + "/deliveries?order=newest&limit=2").json();
      JsonObject second = owner.api().get("/api/v1/webhooks/" + id + "/deliveries?order=newest&limit=2&cursor="
          + first.getString("next_cursor")).json();

      List<String> newestFirst = new java.util.ArrayList<>(ids(first));
      newestFirst.addAll(ids(second));
      assertEquals(List.of(sent.get(2), sent.get(1), sent.get(0)), newestFirst);
      assertTrue(second.isNull("next_cursor"));
      assertEquals(sent, ids(owner.api().get("/api/v1/webhooks/" + id + "/deliveries?order=oldest").json()));
      assertEquals(sent, ids(owner.api().get("/api/v1/webhooks/" + id + "/deliveries").json()), "oldest first by default");
      assertValidationError(owner.api().get("/api/v1/webhooks/" + id + "/deliveries?order=sideways"), "order");
    }
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(delivery -> delivery.getString("id")).toList();
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
    String id = owner.api().post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/never-called\"}").string("id");
    assertProblem(Api.withToken(token).post("/api/v1/webhooks/" + id + "/disable", ""), 403, "insufficient_role");
    assertEquals("enabled", owner.api().get("/api/v1/webhooks/" + id).json().getString("status"));
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
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/disable", ""), 404, "not_found");
      assertProblem(nosy.get("/api/v1/webhooks/" + id + "/deliveries"), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery.getString("id") + "/retry", ""), 404, "not_found");
      assertProblem(nosy.post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"2020-01-01T00:00:00Z\"}"), 404, "not_found");
      assertEquals(0, nosy.get("/api/v1/webhooks").json().getJsonArray("data").size());

      JsonObject untouched = owner.api().get("/api/v1/webhooks/" + id).json();
      assertEquals(receiver.url(), untouched.getString("url"));
      assertEquals("enabled", untouched.getString("status"));
    }
  }
}
