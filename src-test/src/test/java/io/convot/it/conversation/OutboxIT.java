package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every change integrators hear about writes its event, with the full snapshot, in the change's own
 * transaction; a change that does not commit writes none.
 */
class OutboxIT {

  private final Organizations.Owner owner = Organizations.signUp("Integrated Co");

  private List<JsonObject> eventsOf(String organizationId) {
    return Database.column("SELECT payload FROM events WHERE organization_id = ?::uuid ORDER BY created_at, id", organizationId)
        .stream().map(payload -> Json.createReader(new StringReader(payload.toString())).readObject()).toList();
  }

  private static Set<String> types(List<JsonObject> events) {
    TreeSet<String> types = new TreeSet<>();
    events.forEach(event -> types.add(event.getString("type")));
    return types;
  }

  @Test
  void everyFlowWritesItsEventWithFullSnapshots() {
    JsonObject app = Widget.createApp(owner.api(), "Evented", false);
    String token = new Widget(app.getString("app_key")).session("");
    Widget.client(token).patch("/widget/v1/session", "{\"user\": {\"email\": \"ann@shop.test\"}}");
    Widget.send(token, "hello");
    String id = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    Api agent = owner.api();
    String reply = agent.post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"hi Ann\"}").string("id");
    agent.post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"note\", \"private\": true}");
    agent.post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}");
    agent.post("/api/v1/conversations/" + id + "/resolve", "");
    agent.post("/api/v1/conversations/" + id + "/reopen", "");
    agent.delete("/api/v1/messages/" + reply);

    List<JsonObject> events = eventsOf(owner.organizationId());

    assertEquals(Set.of("contact.created", "contact.identified", "conversation.created", "message.received", "message.sent",
        "conversation.assigned", "conversation.resolved", "conversation.reopened", "message.deleted"), types(events));
    assertEquals(1, events.stream().filter(e -> e.getString("type").equals("message.sent")).count(), "a private note fires no message.sent");
    for (JsonObject event : events) {
      assertEquals(owner.organizationId(), event.getString("organization_id"));
      assertEquals(app.getString("id"), event.getString("app_id"));
      assertTrue(event.getString("created_at").endsWith("Z"));
      UUID.fromString(event.getString("id"));
    }
    JsonObject received = events.stream().filter(e -> e.getString("type").equals("message.received")).findFirst().orElseThrow().getJsonObject("data");
    assertEquals("hello", received.getJsonObject("message").getString("text"));
    assertEquals(id, received.getJsonObject("conversation").getString("id"));
    assertEquals("ann@shop.test", received.getJsonObject("contact").getString("email"));
    JsonObject identified = events.stream().filter(e -> e.getString("type").equals("contact.identified")).findFirst().orElseThrow().getJsonObject("data");
    assertEquals(false, identified.getBoolean("verified"));
    JsonObject assigned = events.stream().filter(e -> e.getString("type").equals("conversation.assigned")).findFirst().orElseThrow().getJsonObject("data");
    assertEquals(owner.memberId(), assigned.getJsonObject("assignee").getString("id"));
    assertTrue(events.stream().noneMatch(e -> e.toString().contains("\"note\"")), "a private note's text never reaches the outbox");
  }

  /**
   * A visitor's message reads its contact's data and segments in the query that reads the session:
   * its events carry them as the REST API shows the contact (data by key, segments by name), for the
   * message that starts the conversation and for the next one alike; a contact with none has none.
   */
  @Test
  void aVisitorMessagesEventsCarryTheContactsDataAndSegmentsAsTheApiShowsThem() {
    JsonObject app = Widget.createApp(owner.api(), "Profiled", false);
    Widget widget = new Widget(app.getString("app_key"));
    Widget.send(widget.session(""), "from a bare contact");
    String token = widget.session("");
    assertEquals(200, Widget.client(token).patch("/widget/v1/session", "{\"data\": {\"plan\": \"pro\", \"seats\": 12,"
        + " \"trial\": false, \"zone\": \"<b>é</b>\", \"alpha\": 1.5}, \"segments\": [\"vip\", \"beta\", \"agency\"]}").status());
    Widget.send(token, "from a profiled contact");
    Widget.send(token, "again from a profiled contact");

    List<JsonObject> events = eventsOf(owner.organizationId());
    JsonObject bare = events.stream().filter(e -> e.toString().contains("from a bare contact")).findFirst().orElseThrow()
        .getJsonObject("data").getJsonObject("contact");
    assertEquals("{}", bare.getJsonObject("data").toString());
    assertEquals("[]", bare.getJsonArray("segments").toString());
    String profiledId = events.stream().filter(e -> e.toString().contains("again from a profiled contact")).findFirst().orElseThrow()
        .getJsonObject("data").getJsonObject("contact").getString("id");
    List<JsonObject> profiled = events.stream()
        .filter(e -> e.getString("type").equals("conversation.created") || e.getString("type").equals("message.received"))
        .map(e -> e.getJsonObject("data").getJsonObject("contact"))
        .filter(contact -> contact.getString("id").equals(profiledId))
        .toList();
    assertEquals(3, profiled.size(), () -> "conversation.created and two message.received: " + profiled);
    JsonObject shown = owner.api().get("/api/v1/contacts/" + profiledId).json();
    assertEquals("{\"alpha\":1.5,\"plan\":\"pro\",\"seats\":12,\"trial\":false,\"zone\":\"<b>é</b>\"}", shown.getJsonObject("data").toString());
    assertEquals("[\"agency\",\"beta\",\"vip\"]", shown.getJsonArray("segments").toString());
    for (JsonObject contact : profiled) {
      assertEquals(shown.getJsonObject("data").toString(), contact.getJsonObject("data").toString());
      assertEquals(shown.getJsonArray("segments").toString(), contact.getJsonArray("segments").toString());
    }
  }

  @Test
  void aRefusedChangeWritesNoEvent() {
    JsonObject app = Widget.createApp(owner.api(), "Strict", true);
    Widget widget = new Widget(app.getString("app_key"));
    int before = eventsOf(owner.organizationId()).size();

    assertProblem(widget.start("\"user\": {\"email\": \"ann@shop.test\"}, \"user_hash\": \"00\""),
        401, "identity_verification_required");
    assertValidationError(widget.start("\"user\": {\"email\": \"not an email\"}"), "user.email");

    assertEquals(before, eventsOf(owner.organizationId()).size(), () -> "a refused start wrote " + eventsOf(owner.organizationId()));
    // The same start, signed, is accepted and writes its events: the refusals were all that kept them out.
    String signed = "\"user\": {\"email\": \"ann@shop.test\"}, \"user_hash\": \""
        + Widget.userHash(app.getString("identity_secret"), "ann@shop.test") + "\"";
    Api.Reply accepted = widget.start(signed);
    assertEquals(201, accepted.status(), accepted::toString);
    List<JsonObject> events = eventsOf(owner.organizationId());
    assertEquals(Set.of("contact.created", "contact.identified"), types(events.subList(before, events.size())));
  }

  /**
   * Another device of the same verified person creates the contact while this start is under way
   * and commits first (the test's own transaction plays that device, so the race is lost every
   * time): this start is rolled back whole, its events with it, and answered 409 to retry.
   */
  @Test
  void aRolledBackChangeLeavesNoEvent() throws Exception {
    JsonObject app = Widget.createApp(owner.api(), "Racy", true);
    Widget widget = new Widget(app.getString("app_key"));
    String externalId = "merchant-" + UUID.randomUUID();
    String signed = "\"user\": {\"external_id\": \"" + externalId + "\"}, \"user_hash\": \""
        + Widget.userHash(app.getString("identity_secret"), externalId) + "\"";
    String otherDevicesContact = UUID.randomUUID().toString();
    ExecutorService device = Executors.newSingleThreadExecutor();
    try (Database.Transaction otherDevice = Database.begin()) {
      otherDevice.update("INSERT INTO contacts (id, organization_id, app_id, external_id, verified, created_at, updated_at)"
          + " VALUES (?::uuid, ?::uuid, ?::uuid, ?, true, now(), now())", otherDevicesContact, owner.organizationId(),
          app.getString("id"), externalId);
      Future<Api.Reply> start = device.submit(() -> widget.start(signed));
      // The start does not see the uncommitted contact, makes its own, and waits on the unique index.
      Eventually.await(otherDevice::sessionsWaitingOnIt, waiting -> waiting > 0, Duration.ofSeconds(30),
          "the start waiting for the other device's contact");
      otherDevice.commit();

      assertProblem(start.get(30, TimeUnit.SECONDS), 409, "conflict");
    } finally {
      device.shutdownNow();
    }

    assertEquals(List.of(otherDevicesContact), Database.column("SELECT id::text FROM contacts WHERE external_id = ?", externalId));
    assertEquals(List.of(), eventsMentioning(externalId), "events of the rolled-back start remain");
    // Retried, the start finds the other device's contact (and has nothing to announce).
    Api.Reply retried = widget.start(signed);
    assertEquals(201, retried.status(), retried::toString);
    assertEquals(otherDevicesContact, retried.string("contact_id"));
    assertEquals(List.of(), eventsMentioning(externalId));
  }

  private List<JsonObject> eventsMentioning(String text) {
    return eventsOf(owner.organizationId()).stream().filter(event -> event.toString().contains(text)).toList();
  }
}
