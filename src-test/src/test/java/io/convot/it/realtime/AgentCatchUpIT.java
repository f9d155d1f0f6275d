package io.convot.it.realtime;

import static io.convot.it.support.LiveClient.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A dashboard that reconnects with the cursor of the last frame it saw gets every change its
 * organization's agents could have missed, then {@code caught_up}; or {@code resync} when the cursor
 * is unreadable, too old or too far behind. The frames in between are what the live connection
 * would have carried.
 */
class AgentCatchUpIT {

  private static final Duration SOON = Duration.ofSeconds(10);
  private static final String AGENT_SOCKET = "/realtime/v1/agent";

  private final Organizations.Owner owner = Organizations.signUp("Catch-up Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Catch-up", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }

  private static JsonObject resume(String token, JsonValue after) {
    return Json.createObjectBuilder(auth(token)).add("after", after).build();
  }

  private static JsonObject resume(String token, String after) {
    return resume(token, Json.createValue(after));
  }

  private static Predicate<JsonObject> messageWithText(String text) {
    return frame -> "message".equals(frame.getString("type", null))
        && text.equals(frame.getJsonObject("message").getString("text", null));
  }

  private static String post(Api api, String conversationId, String text, boolean privateNote) {
    Api.Reply reply = api.post("/api/v1/conversations/" + conversationId + "/messages",
        Json.createObjectBuilder().add("text", text).add("private", privateNote).build().toString());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("id");
  }

  private static void ok(Api.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
  }

  /** The frames between {@code ready} and {@code caught_up}, checking that those two come first and last. */
  private static List<JsonObject> caughtUp(LiveClient dashboard) throws InterruptedException {
    dashboard.await(ofType("caught_up"), SOON);
    List<JsonObject> history = dashboard.history();
    List<String> types = history.stream().map(frame -> frame.getString("type")).toList();
    assertEquals("ready", types.get(0), types::toString);
    int end = types.indexOf("caught_up");
    List<JsonObject> missed = history.subList(1, end);
    assertTrue(missed.stream().allMatch(frame -> Set.of("message", "conversation").contains(frame.getString("type"))), types::toString);
    return missed;
  }

  /** A cursor as this server writes them, for a time the tests cannot wait for. */
  private static String cursorAt(Instant time) {
    String raw = "1." + ChronoUnit.MICROS.between(Instant.EPOCH, time);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aReconnectingDashboardGetsEverythingItMissedOldestFirstThenCaughtUp() throws Exception {
    Team.Joined agent = Team.join(owner, "agent");
    String visitor = widget.session("");
    String id = Widget.send(visitor, "before the cut").json().getString("conversation_id");
    String cursor;
    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, auth(owner.token()))) {
      assertTrue(dashboard.await(ofType("ready"), SOON).containsKey("cursor"));
      post(owner.api(), id, "seen live", false);
      cursor = dashboard.await(messageWithText("seen live"), SOON).getString("cursor");
    }

    String fromVisitor = Widget.send(visitor, "while you were away").json().getString("id");
    String note = post(owner.api(), id, "a note meanwhile", true);
    String deleted = post(owner.api(), id, "an answer, deleted meanwhile", false);
    assertEquals(204, owner.api().delete("/api/v1/messages/" + deleted).status());
    ok(owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + agent.memberId() + "\"}"));
    ok(owner.api().post("/api/v1/conversations/" + id + "/resolve", ""));
    String started = Widget.send(widget.session(""), "a new conversation").json().getString("conversation_id");

    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, resume(owner.token(), cursor))) {
      List<JsonObject> missed = caughtUp(dashboard);

      Map<String, JsonObject> messages = missed.stream().filter(ofType("message"))
          .collect(Collectors.toMap(frame -> frame.getJsonObject("message").getString("id"), Function.identity(), (a, b) -> b));
      assertEquals("while you were away", messages.get(fromVisitor).getJsonObject("message").getString("text"));
      assertEquals("visitor", messages.get(fromVisitor).getJsonObject("message").getString("from"));
      assertEquals(id, messages.get(fromVisitor).getJsonObject("conversation").getString("id"), "with its conversation, as live");
      assertTrue(messages.get(note).getJsonObject("message").getBoolean("private"));
      JsonObject gone = messages.get(deleted).getJsonObject("message");
      assertEquals(JsonValue.NULL, gone.get("text"));
      assertFalse(gone.isNull("deleted_at"));

      Map<String, JsonObject> conversations = missed.stream().filter(ofType("conversation"))
          .map(frame -> frame.getJsonObject("conversation"))
          .collect(Collectors.toMap(conversation -> conversation.getString("id"), Function.identity(), (a, b) -> b));
      assertEquals("resolved", conversations.get(id).getString("status"));
      assertEquals(agent.memberId(), conversations.get(id).getString("assignee_id"));
      assertEquals("open", conversations.get(started).getString("status"));

      List<Instant> order = missed.stream().map(frame -> Instant.parse(
          frame.getJsonObject(frame.getString("type")).getString("updated_at"))).toList();
      for (int i = 1; i < order.size(); i++) {
        assertFalse(order.get(i).isBefore(order.get(i - 1)), () -> "not oldest first: " + order);
      }

      String afterwards = dashboard.history().stream().filter(ofType("caught_up")).findFirst().orElseThrow().getString("cursor");
      assertNotEquals(cursor, afterwards, "caught_up moves the position on");
      Widget.send(visitor, "live again");
      assertTrue(dashboard.await(messageWithText("live again"), SOON).containsKey("cursor"));
    }
  }

  @Test
  void everyUpdateFrameCarriesACursorButTyping() throws Exception {
    String visitor = widget.session("");
    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, auth(owner.token()));
         LiveClient widgetSocket = LiveClient.connect("/realtime/v1/widget", auth(visitor))) {
      dashboard.await(ofType("ready"), SOON);
      widgetSocket.await(ofType("ready"), SOON);
      String id = Widget.send(visitor, "hello").json().getString("conversation_id");
      widgetSocket.send(Json.createObjectBuilder().add("type", "typing").build());
      String reply = post(owner.api(), id, "hi", false);
      assertEquals(204, owner.api().delete("/api/v1/messages/" + reply).status());
      ok(owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}"));
      ok(owner.api().post("/api/v1/conversations/" + id + "/resolve", ""));

      for (String type : List.of("message", "message.deleted", "conversation.assigned", "conversation.status")) {
        JsonObject frame = dashboard.await(ofType(type), SOON);
        assertFalse(frame.getString("cursor", "").isEmpty(), () -> type + " without a cursor: " + frame);
      }
      JsonObject typing = dashboard.history().stream().filter(ofType("typing")).findFirst()
          .orElseThrow(() -> new AssertionError("no typing frame in " + dashboard.history()));
      assertFalse(typing.containsKey("cursor"), typing::toString);
    }
  }

  @Test
  void anUnreadableTooOldOrFutureCursorGetsResyncAndTheConnectionLives() throws Exception {
    String visitor = widget.session("");
    Instant now = Instant.now();
    List<JsonValue> unusable = List.of(Json.createValue("garbage"), Json.createValue(""), Json.createValue(42),
        JsonValue.EMPTY_JSON_OBJECT, Json.createValue("\u0000"), Json.createValue(cursorAt(now.minus(Duration.ofHours(25)))),
        Json.createValue(cursorAt(now.plus(Duration.ofHours(1)))));
    for (JsonValue after : unusable) {
      try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, resume(owner.token(), after))) {
        JsonObject resync = dashboard.await(ofType("resync"), SOON);
        assertFalse(resync.getString("cursor", "").isEmpty(), resync::toString);
        assertEquals(List.of("ready", "resync"), dashboard.history().stream().map(frame -> frame.getString("type")).toList(),
            () -> after + " got " + dashboard.history());

        Widget.send(visitor, "still live after " + after);
        dashboard.await(messageWithText("still live after " + after), SOON);
      }
    }
  }

  @Test
  void moreThanFiveHundredMissedChangesGetResync() throws Exception {
    String id = Widget.send(widget.session(""), "hello").json().getString("conversation_id");
    String cursor;
    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, auth(owner.token()))) {
      cursor = dashboard.await(ofType("ready"), SOON).getString("cursor");
    }
    // 500 messages at once: more than the API's rate limit lets a test write in reasonable time.
    Database.update("""
        INSERT INTO messages (id, organization_id, app_id, conversation_id, author_type, private, text, created_at, updated_at)
        SELECT gen_random_uuid(), ?, ?, ?, 'visitor', false, 'bulk ' || n, now(), now() FROM generate_series(1, 500) n""",
        UUID.fromString(owner.organizationId()), UUID.fromString(app.getString("id")), UUID.fromString(id));

    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, resume(owner.token(), cursor))) {
      dashboard.await(ofType("resync"), SOON);
      assertEquals(List.of("ready", "resync"), dashboard.history().stream().map(frame -> frame.getString("type")).toList());
    }
  }

  @Test
  void anotherOrganizationsChangesNeverAppearInACatchUp() throws Exception {
    Organizations.Owner other = Organizations.signUp("Other Catch-up Co");
    Widget theirWidget = new Widget(Widget.createApp(other.api(), "Theirs", false).getString("app_key"));
    String cursor;
    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, auth(other.token()))) {
      cursor = dashboard.await(ofType("ready"), SOON).getString("cursor");
    }
    String ours = Widget.send(widget.session(""), "for Catch-up Co only").json().getString("conversation_id");
    post(owner.api(), ours, "a note of Catch-up Co", true);
    String theirs = Widget.send(theirWidget.session(""), "their own").json().getString("conversation_id");

    try (LiveClient dashboard = LiveClient.connect(AGENT_SOCKET, resume(other.token(), cursor))) {
      List<JsonObject> missed = caughtUp(dashboard);
      assertTrue(missed.stream().anyMatch(messageWithText("their own")), missed::toString);
      String everything = dashboard.history().toString();
      assertFalse(everything.contains(ours), everything);
      assertFalse(everything.contains("Catch-up Co only") || everything.contains("a note of Catch-up Co"), everything);
      assertTrue(missed.stream().allMatch(frame -> frame.toString().contains(theirs)), missed::toString);
    }
  }
}
