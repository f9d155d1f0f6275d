package io.convot.it.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void aRefusedChangeWritesNoEvent() {
    JsonObject app = Widget.createApp(owner.api(), "Strict", true);
    Widget widget = new Widget(app.getString("app_key"));
    long before = eventsOf(owner.organizationId()).size();

    widget.start("\"user\": {\"email\": \"ann@shop.test\"}, \"user_hash\": \"00\"");
    widget.start("\"user\": {\"email\": \"not an email\"}");

    assertEquals(before, eventsOf(owner.organizationId()).size());
  }

  /**
   * Several devices of one verified person start at the same moment: at most one creates the
   * contact; a start that lost the race is rolled back, its events with it.
   */
  @Test
  void aRolledBackChangeLeavesNoEvent() throws Exception {
    JsonObject app = Widget.createApp(owner.api(), "Racy", true);
    Widget widget = new Widget(app.getString("app_key"));
    String externalId = "merchant-" + UUID.randomUUID();
    String signed = "\"user\": {\"external_id\": \"" + externalId + "\"}, \"user_hash\": \""
        + Widget.userHash(app.getString("identity_secret"), externalId) + "\"";
    ExecutorService devices = Executors.newFixedThreadPool(8);
    List<Callable<Api.Reply>> starts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      starts.add(() -> widget.start(signed));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Api.Reply> start : devices.invokeAll(starts)) {
      statuses.add(start.get().status());
    }
    devices.shutdown();

    assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 409), statuses::toString);
    assertEquals(1, Database.count("SELECT count(*) FROM contacts WHERE external_id = ?", externalId));
    long identified = eventsOf(owner.organizationId()).stream()
        .filter(e -> e.getString("type").equals("contact.identified") && e.toString().contains(externalId)).count();
    assertEquals(1, identified, "events of rolled-back starts must not remain; statuses " + statuses);
    System.out.println("Concurrent verified starts: " + statuses);
  }
}
