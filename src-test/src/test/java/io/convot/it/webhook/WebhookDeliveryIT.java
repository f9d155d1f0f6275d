package io.convot.it.webhook;

import static io.convot.it.webhook.WebhookFixtures.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import io.convot.it.support.ResettingReceiver;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed deliveries to real receivers: every event type, filters, retries, 410, Retry-After, giving up. */
class WebhookDeliveryIT {

  private final Organizations.Owner owner = Organizations.signUp("Hooked Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Hooked", false);
  private final Widget widget = new Widget(app.getString("app_key"));
  private final Receiver receiver = newReceiver();

  private static Receiver newReceiver() {
    try {
      return new Receiver();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void allNineEventTypesArriveSignedAndVerifyWithAnIndependentLibrary() throws Exception {
    String secret = WebhookFixtures.endpoint(owner.api(), receiver.url()).getString("secret");
    assertTrue(secret.startsWith("whsec_"));

    WebhookFixtures.visitorWrites(widget, "hello");
    Api agent = owner.api();
    String id = agent.get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    String reply = agent.post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"hi Ann\"}").string("id");
    agent.post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}");
    agent.post("/api/v1/conversations/" + id + "/resolve", "");
    agent.post("/api/v1/conversations/" + id + "/reopen", "");
    agent.delete("/api/v1/messages/" + reply);

    Set<String> nine = Set.of("contact.created", "contact.identified", "conversation.created", "message.received",
        "message.sent", "conversation.assigned", "conversation.resolved", "conversation.reopened", "message.deleted");
    List<Receiver.Request> arrived = receiver.await(request -> nine.contains(request.header("Convot-Event")), 9, SOON);

    assertEquals(nine, new TreeSet<>(arrived.stream().map(request -> request.header("Convot-Event")).toList()));
    for (Receiver.Request request : arrived) {
      WebhookFixtures.verify(secret, request);
      JsonObject body = request.json();
      assertEquals(request.header("webhook-id"), body.getString("id"));
      assertEquals(request.header("Convot-Event"), body.getString("type"));
      assertEquals("1", request.header("Convot-Delivery-Attempt"));
      assertTrue(request.header("Content-Type").startsWith("application/json"));
      assertTrue(request.header("User-Agent").startsWith("Convot-Webhooks/"));
      assertEquals(owner.organizationId(), body.getString("organization_id"));
    }
  }

  @Test
  void aTamperedDeliveryDoesNotVerify() throws Exception {
    String secret = WebhookFixtures.endpoint(owner.api(), receiver.url()).getString("secret");
    WebhookFixtures.visitorWrites(widget, "hello");
    Receiver.Request request = receiver.await(Receiver.ofType("message.received"), 1, SOON).get(0);

    Receiver.Request tampered = new Receiver.Request(request.path(), request.headers(), request.body().replace("hello", "HELLO"), request.arrivedAt());
    assertThrows(Exception.class, () -> WebhookFixtures.verify(secret, tampered));
    String otherSecret = WebhookFixtures.endpoint(owner.api(), receiver.url()).getString("secret");
    assertThrows(Exception.class, () -> WebhookFixtures.verify(otherSecret, request));
  }

  @Test
  void filtersByEventTypeAndApp() throws Exception {
    JsonObject otherApp = Widget.createApp(owner.api(), "Other", false);
    try (Receiver onlyMessages = new Receiver(); Receiver onlyOtherApp = new Receiver()) {
      WebhookFixtures.endpoint(owner.api(), onlyMessages.url(), List.of("message.received"), List.of());
      WebhookFixtures.endpoint(owner.api(), onlyOtherApp.url(), List.of(), List.of(otherApp.getString("id")));

      WebhookFixtures.visitorWrites(widget, "first app");
      WebhookFixtures.visitorWrites(new Widget(otherApp.getString("app_key")), "second app");

      // The other app's four events (contact created and identified, conversation created, message received).
      onlyOtherApp.await(request -> true, 4, SOON);
      onlyMessages.await(Receiver.ofType("message.received"), 2, SOON);

      assertTrue(onlyMessages.requests().stream().allMatch(Receiver.ofType("message.received")),
          () -> onlyMessages.requests().stream().map(r -> r.header("Convot-Event")).toList().toString());
      assertTrue(onlyOtherApp.requests().stream().allMatch(request -> request.json().getString("app_id").equals(otherApp.getString("id"))));
      assertEquals(4, onlyOtherApp.requests().size());
    }
  }

  @Test
  void twoFailuresThenSuccessArriveAsAttemptsOneToThreeWithOneWebhookId() {
    receiver.answer(Answer.of(500), Answer.of(503));
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    WebhookFixtures.visitorWrites(widget, "retry me");

    List<Receiver.Request> attempts = receiver.await(Receiver.ofType("message.received"), 3, SOON);

    assertEquals(List.of("1", "2", "3"), attempts.stream().map(r -> r.header("Convot-Delivery-Attempt")).toList());
    assertEquals(1, attempts.stream().map(r -> r.header("webhook-id")).distinct().count());
    JsonObject delivery = awaitDelivery(endpoint.getString("id"), "succeeded");
    assertEquals(3, delivery.getJsonArray("attempts").size());
    assertEquals(List.of(500, 503, 200), delivery.getJsonArray("attempts").stream()
        .map(a -> a.asJsonObject().getInt("status_code")).toList());
    assertTrue(delivery.getJsonArray("attempts").getJsonObject(2).getString("response_excerpt").contains("ok"));
  }

  @Test
  void goneDisablesTheEndpointUntilItIsEnabledAgain() {
    receiver.otherwise(Answer.of(410));
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    String token = WebhookFixtures.visitorWrites(widget, "are you there?");
    receiver.await(Receiver.ofType("message.received"), 1, SOON);

    JsonObject disabled = awaitEndpoint(endpoint.getString("id"), false);
    assertTrue(disabled.getString("disabled_reason").contains("410"));
    assertEquals("auto_disabled", disabled.getString("status"));
    assertEquals("failed", awaitDelivery(endpoint.getString("id"), "failed").getString("status"));
    Widget.send(token, "anyone?");
    assertProblemStatus(owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/test", ""), 409);

    JsonObject enabled = owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/enable", "").json();
    assertTrue(enabled.getBoolean("active"));
    assertEquals("enabled", enabled.getString("status"));
    assertEquals(1, receiver.requests().size(), "nothing was sent while disabled");
  }

  @Test
  void anEndpointDisabledByHandSendsNothingKeepsItsEventsAsSkippedAndReplaySendsThemOnceEnabled() throws Exception {
    Instant since = Instant.now().minusSeconds(60);
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    String id = endpoint.getString("id");

    JsonObject disabled = owner.api().post("/api/v1/webhooks/" + id + "/disable", "").json();

    assertFalse(disabled.getBoolean("active"));
    assertEquals("disabled", disabled.getString("status"), "disabled by hand, not by Convot");
    assertEquals("Disabled by a member of the team", disabled.getString("disabled_reason"));
    assertFalse(disabled.isNull("disabled_at"));
    assertEquals(disabled.getString("disabled_at"),
        owner.api().post("/api/v1/webhooks/" + id + "/disable", "").json().getString("disabled_at"), "disabling twice changes nothing");
    assertProblemStatus(owner.api().post("/api/v1/webhooks/" + id + "/test", ""), 409);
    WebhookFixtures.visitorWrites(widget, "while it was off");
    assertEquals(1, awaitDeliveries(id, "skipped", 1).size());

    assertEquals("enabled", owner.api().post("/api/v1/webhooks/" + id + "/enable", "").json().getString("status"));
    assertEquals(1, owner.api().post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"" + since + "\"}").json().getInt("redelivered"));

    Receiver.Request arrived = receiver.await(Receiver.ofType("message.received"), 1, SOON).get(0);
    WebhookFixtures.verify(endpoint.getString("secret"), arrived);
    assertEquals("while it was off", arrived.json().getJsonObject("data").getJsonObject("message").getString("text"));
    assertEquals(1, receiver.requests().size(), "nothing was sent while it was off");
  }

  @Test
  void eventsRaisedWhileAnEndpointIsDisabledAreSkippedAndReplayedOnceItIsEnabled() throws Exception {
    Instant since = Instant.now().minusSeconds(60);
    receiver.answer(Answer.of(410));
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    String id = endpoint.getString("id");
    String token = WebhookFixtures.visitorWrites(widget, "before it went away");
    receiver.await(Receiver.ofType("message.received"), 1, SOON);
    awaitEndpoint(id, false);

    Widget.send(token, "while it was away");
    Widget.send(token, "still away");
    List<JsonObject> skipped = awaitDeliveries(id, "skipped", 2);
    assertTrue(skipped.stream().allMatch(delivery -> delivery.getInt("attempt_count") == 0 && delivery.getJsonArray("attempts").isEmpty()));
    assertEquals(1, receiver.requests().size(), "nothing is sent to a disabled endpoint");

    owner.api().post("/api/v1/webhooks/" + id + "/enable", "");
    Api.Reply replayed = owner.api().post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"" + since + "\"}");

    assertEquals(202, replayed.status(), replayed::toString);
    assertEquals(3, replayed.json().getInt("redelivered"), "the failed delivery and the two skipped ones");
    List<Receiver.Request> arrived = receiver.await(Receiver.ofType("message.received"), 4, SOON);
    Set<String> texts = new TreeSet<>();
    for (Receiver.Request request : arrived.subList(1, 4)) {
      WebhookFixtures.verify(endpoint.getString("secret"), request);
      texts.add(request.json().getJsonObject("data").getJsonObject("message").getString("text"));
    }
    assertEquals(new TreeSet<>(List.of("before it went away", "while it was away", "still away")), texts);
    assertEquals(3, awaitDeliveries(id, "succeeded", 3).size());
    assertEquals(0, awaitDeliveries(id, "skipped", 0).size());
  }

  @Test
  void aPayloadOver256KbArrivesAsACompactSignedEnvelopeWithTheIdsOfItsObjects() throws Exception {
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    String token = widget.session("");
    String contact = owner.api().get("/api/v1/contacts?app_id=" + app.getString("id")).json().getJsonArray("data").getJsonObject(0).getString("id");
    // 200 session data values of 1,990 characters: the contact's snapshot alone is near 400 KB.
    for (int part = 0; part < 2; part++) {
      JsonObjectBuilder data = Json.createObjectBuilder();
      for (int key = 0; key < 100; key++) {
        data.add("note_" + part + "_" + key, "n".repeat(1990));
      }
      Api.Reply patched = owner.api().patch("/api/v1/contacts/" + contact, Json.createObjectBuilder().add("data", data).build().toString());
      assertEquals(200, patched.status(), () -> patched.status() + " " + patched.body().substring(0, Math.min(300, patched.body().length())));
    }
    String message = Widget.send(token, "a visitor with a lot of data").json().getString("id");

    Receiver.Request request = receiver.await(Receiver.ofType("message.received"), 1, SOON).get(0);

    WebhookFixtures.verify(endpoint.getString("secret"), request);
    long stored = ((Number) Database.single("SELECT octet_length(payload) FROM events WHERE id = ?::uuid",
        request.header("webhook-id"))).longValue();
    assertTrue(stored > 256 * 1024, "the event itself is over 256 KB: " + stored);
    assertTrue(request.body().getBytes(StandardCharsets.UTF_8).length <= 256 * 1024, "the body stays under 256 KB");
    JsonObject body = request.json();
    assertTrue(body.getBoolean("truncated"));
    assertEquals(request.header("webhook-id"), body.getString("id"));
    assertEquals("message.received", body.getString("type"));
    assertEquals(owner.organizationId(), body.getString("organization_id"));
    assertEquals(app.getString("id"), body.getString("app_id"));
    assertEquals(message, body.getJsonObject("data").getJsonObject("message").getString("id"));
    assertEquals(contact, body.getJsonObject("data").getJsonObject("contact").getString("id"));
    assertEquals(Set.of("id"), body.getJsonObject("data").getJsonObject("contact").keySet());
    assertTrue(body.getJsonObject("data").getJsonObject("conversation").containsKey("id"));
    assertEquals("succeeded", awaitDelivery(endpoint.getString("id"), "succeeded").getString("status"));
  }

  @Test
  void retryAfterIsHonoured() {
    receiver.answer(new Answer(429, Map.of("Retry-After", "3"), ""));
    WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    WebhookFixtures.visitorWrites(widget, "slow down");

    List<Receiver.Request> attempts = receiver.await(Receiver.ofType("message.received"), 2, SOON);

    Duration gap = Duration.between(attempts.get(0).arrivedAt(), attempts.get(1).arrivedAt());
    assertTrue(gap.compareTo(Duration.ofMillis(2900)) >= 0, "the second attempt came after " + gap + ", before Retry-After");
  }

  @Test
  void twelveFailuresEndInFailedThenManualRetryAndReplayRedeliverWithTheSameWebhookId() {
    receiver.otherwise(Answer.of(500));
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.received"), List.of());
    String id = endpoint.getString("id");
    String token = WebhookFixtures.visitorWrites(widget, "doomed");
    Widget.send(token, "doomed too");

    receiver.await(Receiver.ofType("message.received"), 24, Duration.ofSeconds(60));
    JsonObject failed = awaitDeliveries(id, "failed", 2).get(0);
    assertEquals(12, failed.getInt("attempt_count"));
    assertEquals(12, failed.getJsonArray("attempts").size());
    assertEquals(24, receiver.requests().size(), "no thirteenth automatic attempt");

    receiver.otherwise(Answer.of(200));
    JsonObject retried = owner.api().post("/api/v1/webhooks/" + id + "/deliveries/" + failed.getString("id") + "/retry", "").json();
    assertEquals("pending", retried.getString("status"));
    Receiver.Request thirteenth = receiver.await(Receiver.ofType("message.received"), 25, SOON).get(24);
    assertEquals(failed.getString("event_id"), thirteenth.header("webhook-id"));
    assertEquals("13", thirteenth.header("Convot-Delivery-Attempt"));

    JsonObject replayed = owner.api().post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"2020-01-01T00:00:00Z\"}").json();
    assertEquals(1, replayed.getInt("redelivered"));
    Receiver.Request again = receiver.await(Receiver.ofType("message.received"), 26, SOON).get(25);
    assertFalse(again.header("webhook-id").equals(failed.getString("event_id")));
    assertEquals(0, awaitDeliveries(id, "failed", 0).size());
  }

  @Test
  void aConnectionResetIsRetriedInsideTheSameAttempt() throws Exception {
    try (ResettingReceiver flaky = new ResettingReceiver(1)) {
      JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), flaky.url());

      owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/test", "");

      JsonObject delivery = awaitDelivery(endpoint.getString("id"), "succeeded");
      assertEquals(1, delivery.getInt("attempt_count"), "the reset did not cost an attempt");
      assertEquals(List.of("1", "1"), flaky.attempts());
    }
  }

  @Test
  void theTestEventGoesToItsEndpointOnly() throws Exception {
    try (Receiver other = new Receiver()) {
      WebhookFixtures.endpoint(owner.api(), other.url());
      JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url());

      Api.Reply sent = owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/test", "");

      assertEquals(202, sent.status(), sent::toString);
      Receiver.Request test = receiver.await(Receiver.ofType("webhook.test"), 1, SOON).get(0);
      WebhookFixtures.verify(endpoint.getString("secret"), test);
      assertTrue(other.requests().stream().noneMatch(Receiver.ofType("webhook.test")));
    }
  }

  @Test
  void aRotatedSecretSignsAlongsideTheOldOneDuringTheGracePeriod() throws Exception {
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), receiver.url());
    String oldSecret = endpoint.getString("secret");
    assertTrue(endpoint.isNull("previous_secret_expires_at"), "no rotation yet");
    JsonObject rotated = owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/secret/rotate", "").json();
    String newSecret = rotated.getString("secret");
    JsonObject read = owner.api().get("/api/v1/webhooks/" + endpoint.getString("id")).json();
    assertFalse(read.containsKey("secret"));
    Duration grace = Duration.between(Instant.now(), Instant.parse(read.getString("previous_secret_expires_at")));
    assertTrue(grace.compareTo(Duration.ofHours(23)) > 0 && grace.compareTo(Duration.ofHours(24)) <= 0, "the old secret signs for 24 h: " + grace);
    assertEquals(rotated.getString("previous_secret_expires_at"), read.getString("previous_secret_expires_at"));

    owner.api().post("/api/v1/webhooks/" + endpoint.getString("id") + "/test", "");
    Receiver.Request test = receiver.await(Receiver.ofType("webhook.test"), 1, SOON).get(0);

    assertEquals(2, test.header("webhook-signature").split(" ").length);
    WebhookFixtures.verify(oldSecret, test);
    WebhookFixtures.verify(newSecret, test);
  }

  private JsonObject awaitEndpoint(String id, boolean active) {
    return Eventually.await(() -> owner.api().get("/api/v1/webhooks/" + id).json(),
        endpoint -> endpoint.getBoolean("active") == active, SOON, "the endpoint becoming " + (active ? "active" : "inactive"));
  }

  private JsonObject awaitDelivery(String endpointId, String status) {
    return awaitDeliveries(endpointId, status, 1).get(0);
  }

  private List<JsonObject> awaitDeliveries(String endpointId, String status, int count) {
    return Eventually.await(() -> owner.api().get("/api/v1/webhooks/" + endpointId + "/deliveries?status=" + status).json()
            .getJsonArray("data").getValuesAs(JsonObject.class),
        found -> found.size() == count, SOON, count + " " + status + " deliveries");
  }

  private static void assertProblemStatus(Api.Reply reply, int status) {
    assertEquals(status, reply.status(), reply::toString);
  }
}
