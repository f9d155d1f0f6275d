package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard's inbox reads: conversations newest activity first, its views as filters, each
 * one's latest message, unread count and waiting time, read markers per member, and the counts.
 */
class InboxIT {

  private final Organizations.Owner owner = Organizations.signUp("Inbox Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Inbox", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  /** A new visitor writes: a new conversation, whose id this answers. */
  private static String conversationFrom(Widget widget, String text) {
    Api.Reply sent = Widget.send(widget.session(""), text);
    assertEquals(201, sent.status(), sent::toString);
    return sent.json().getString("conversation_id");
  }

  private static String post(Api api, String conversationId, String text, boolean privateNote) {
    Api.Reply reply = api.post("/api/v1/conversations/" + conversationId + "/messages",
        Json.createObjectBuilder().add("text", text).add("private", privateNote).build().toString());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("id");
  }

  private static void ok(Api.Reply reply) {
    assertTrue(reply.status() == 200 || reply.status() == 204, reply::toString);
  }

  private static List<String> ids(Api api, String query) {
    Api.Reply reply = api.get("/api/v1/conversations" + query);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data").stream().map(c -> c.asJsonObject().getString("id")).toList();
  }

  private static JsonObject conversation(Api api, String id) {
    Api.Reply reply = api.get("/api/v1/conversations/" + id);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static JsonObject counts(Api api, String query) {
    Api.Reply reply = api.get("/api/v1/conversations/counts" + query);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static String apiKey(Organizations.Owner owner) {
    Api.Reply reply = owner.api().post("/api/v1/api-keys", "{\"name\": \"Inbox integration\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("key");
  }

  @Test
  void listsNewestActivityFirstAndPagesInThatOrder() {
    String first = conversationFrom(widget, "first");
    String second = conversationFrom(widget, "second");
    String third = conversationFrom(widget, "third");
    assertEquals(List.of(third, second, first), ids(owner.api(), ""));

    post(owner.api(), first, "an answer", false);
    assertEquals(List.of(first, third, second), ids(owner.api(), ""));
    post(owner.api(), second, "a note is activity too", true);
    assertEquals(List.of(second, first, third), ids(owner.api(), ""));
    ok(owner.api().post("/api/v1/conversations/" + third + "/resolve", ""));
    assertEquals(List.of(second, first, third), ids(owner.api(), ""), "resolving is no message");

    List<String> paged = new ArrayList<>();
    List<String> activity = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = owner.api().get("/api/v1/conversations?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("data").forEach(c -> {
        paged.add(c.asJsonObject().getString("id"));
        activity.add(c.asJsonObject().getString("last_activity_at"));
      });
      cursor = page.isNull("next_cursor") ? null : page.getString("next_cursor");
    } while (cursor != null);
    assertEquals(List.of(second, first, third), paged);
    assertEquals(conversation(owner.api(), second).getString("last_message_at"), activity.get(0));
  }

  @Test
  void eachViewIsAFilterOptionallyInOneApp() {
    Team.Joined agent = Team.join(owner, "agent");
    Widget otherApp = new Widget(Widget.createApp(owner.api(), "Other app", false).getString("app_key"));
    String mine = conversationFrom(widget, "for the owner");
    String agents = conversationFrom(widget, "for the agent");
    String nobodys = conversationFrom(widget, "for nobody yet");
    String done = conversationFrom(widget, "solved already");
    String elsewhere = conversationFrom(otherApp, "in the other app");
    ok(owner.api().post("/api/v1/conversations/" + mine + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}"));
    ok(owner.api().post("/api/v1/conversations/" + agents + "/assign", "{\"member_id\": \"" + agent.memberId() + "\"}"));
    ok(owner.api().post("/api/v1/conversations/" + done + "/resolve", ""));
    String inApp = "&app_id=" + app.getString("id");

    assertEquals(List.of(nobodys, agents, mine), ids(owner.api(), "?status=open" + inApp));
    assertEquals(List.of(elsewhere, nobodys, agents, mine), ids(owner.api(), "?status=open"));
    assertEquals(List.of(mine), ids(owner.api(), "?assignee_id=me"));
    assertEquals(List.of(mine), ids(owner.api(), "?assignee_id=" + owner.memberId() + inApp));
    assertEquals(List.of(agents), ids(agent.api(), "?assignee_id=me&status=open"));
    assertEquals(List.of(nobodys), ids(owner.api(), "?assignee_id=none&status=open" + inApp));
    assertEquals(List.of(elsewhere, nobodys), ids(owner.api(), "?assignee_id=none&status=open"));
    assertEquals(List.of(done), ids(owner.api(), "?status=resolved" + inApp));
    assertEquals(List.of(), ids(owner.api(), "?assignee_id=me&app_id=" + UUID.randomUUID()));
  }

  @Test
  void eachItemShowsItsLatestMessageNotesAndDeletedOnesIncluded() {
    String id = conversationFrom(widget, "Where is my invoice?");
    JsonObject last = conversation(owner.api(), id).getJsonObject("last_message");
    assertEquals(Set.of("id", "from", "private", "text", "created_at"), last.keySet());
    assertEquals("visitor", last.getString("from"));
    assertFalse(last.getBoolean("private"));
    assertEquals("Where is my invoice?", last.getString("text"));

    String longReply = "\ud83d\ude00".repeat(150) + "x".repeat(150);
    String replyId = post(owner.api(), id, longReply, false);
    JsonObject listed = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0);
    assertEquals(id, listed.getString("id"));
    last = listed.getJsonObject("last_message");
    assertEquals(replyId, last.getString("id"));
    assertEquals("agent", last.getString("from"));
    assertEquals("\ud83d\ude00".repeat(150) + "x".repeat(50), last.getString("text"), "200 characters, an emoji being one");

    String noteId = post(owner.api(), id, "<b>VIP</b>, be quick", true);
    last = conversation(owner.api(), id).getJsonObject("last_message");
    assertEquals(noteId, last.getString("id"));
    assertTrue(last.getBoolean("private"));
    assertEquals("<b>VIP</b>, be quick", last.getString("text"), "text, as written");

    assertEquals(204, owner.api().delete("/api/v1/messages/" + noteId).status());
    last = conversation(owner.api(), id).getJsonObject("last_message");
    assertEquals(noteId, last.getString("id"), "a deleted message keeps its place");
    assertEquals(JsonValue.NULL, last.get("text"));
  }

  @Test
  void unreadCountsVisitorMessagesAfterEachMembersOwnReadMarker() {
    Team.Joined agent = Team.join(owner, "agent");
    String visitor = widget.session("");
    String id = Widget.send(visitor, "hello").json().getString("conversation_id");
    Widget.send(visitor, "anyone?");
    post(owner.api(), id, "yes, here", false);
    post(owner.api(), id, "a note", true);
    assertEquals(2, conversation(owner.api(), id).getInt("unread_count"), "the team's own messages are not unread");
    assertEquals(2, conversation(agent.api(), id).getInt("unread_count"));

    assertEquals(204, owner.api().post("/api/v1/conversations/" + id + "/read", "").status());
    assertEquals(0, conversation(owner.api(), id).getInt("unread_count"));
    assertEquals(2, conversation(agent.api(), id).getInt("unread_count"), "another member's marker did not move");

    String later = Widget.send(visitor, "one more thing").json().getString("id");
    assertEquals(1, owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getInt("unread_count"));
    assertEquals(3, conversation(agent.api(), id).getInt("unread_count"));
    assertEquals(204, owner.api().delete("/api/v1/messages/" + later).status());
    assertEquals(0, conversation(owner.api(), id).getInt("unread_count"), "a deleted message is nothing to read");
    assertEquals(2, conversation(agent.api(), id).getInt("unread_count"));
    assertEquals(204, owner.api().post("/api/v1/conversations/" + id + "/read", "").status(), "marking again is fine");

    Api integration = Api.withToken(apiKey(owner));
    assertEquals(JsonValue.NULL, conversation(integration, id).get("unread_count"), "an API key is no member");
    assertProblem(integration.post("/api/v1/conversations/" + id + "/read", ""), 403, "sign_in_required");
  }

  @Test
  void theVisitorWaitsUntilTheTeamRepliesAndDeletionsCount() {
    String visitor = widget.session("");
    JsonObject firstMessage = Widget.send(visitor, "hello?").json();
    String id = firstMessage.getString("conversation_id");
    assertEquals(firstMessage.getString("created_at"), conversation(owner.api(), id).getString("waiting_since"));
    post(owner.api(), id, "a note is no answer", true);
    assertEquals(firstMessage.getString("created_at"), conversation(owner.api(), id).getString("waiting_since"));

    String replyId = post(owner.api(), id, "an answer", false);
    assertEquals(JsonValue.NULL, conversation(owner.api(), id).get("waiting_since"));
    JsonObject again = Widget.send(visitor, "thanks, and?").json();
    String andAgain = Widget.send(visitor, "hello??").json().getString("id");
    assertEquals(again.getString("created_at"), conversation(owner.api(), id).getString("waiting_since"));

    assertEquals(204, owner.api().delete("/api/v1/messages/" + again.getString("id")).status());
    assertEquals(204, owner.api().delete("/api/v1/messages/" + andAgain).status());
    assertEquals(JsonValue.NULL, conversation(owner.api(), id).get("waiting_since"), "the answer is the latest message left");
    assertEquals(204, owner.api().delete("/api/v1/messages/" + replyId).status());
    assertEquals(firstMessage.getString("created_at"), conversation(owner.api(), id).getString("waiting_since"));
  }

  @Test
  void countsTheViewsForTheCallingMember() {
    Team.Joined agent = Team.join(owner, "agent");
    Widget otherApp = new Widget(Widget.createApp(owner.api(), "Other app", false).getString("app_key"));
    String mineWaiting = conversationFrom(widget, "for the owner");
    String agentsAnswered = conversationFrom(widget, "for the agent");
    conversationFrom(widget, "for nobody yet");
    String resolved = conversationFrom(widget, "solved already");
    conversationFrom(otherApp, "in the other app");
    ok(owner.api().post("/api/v1/conversations/" + mineWaiting + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}"));
    ok(owner.api().post("/api/v1/conversations/" + agentsAnswered + "/assign", "{\"member_id\": \"" + agent.memberId() + "\"}"));
    post(agent.api(), agentsAnswered, "on it", false);
    ok(owner.api().post("/api/v1/conversations/" + resolved + "/resolve", ""));
    assertEquals(204, owner.api().post("/api/v1/conversations/" + mineWaiting + "/read", "").status());

    assertEquals(Json.createObjectBuilder().add("open", 4).add("mine", 1).add("unassigned", 2).add("resolved", 1)
        .add("waiting", 3).add("unread", 4).build(), counts(owner.api(), ""));
    assertEquals(Json.createObjectBuilder().add("open", 3).add("mine", 1).add("unassigned", 1).add("resolved", 1)
        .add("waiting", 2).add("unread", 3).build(), counts(owner.api(), "?app_id=" + app.getString("id")));
    assertEquals(1, counts(agent.api(), "").getInt("mine"));
    assertEquals(5, counts(agent.api(), "").getInt("unread"));
    long unreadListed = owner.api().get("/api/v1/conversations").json().getJsonArray("data").stream()
        .filter(c -> c.asJsonObject().getInt("unread_count") > 0).count();
    assertEquals(4, unreadListed, "the count and the list agree");

    JsonObject forIntegration = counts(Api.withToken(apiKey(owner)), "");
    assertEquals(4, forIntegration.getInt("open"));
    assertEquals(JsonValue.NULL, forIntegration.get("mine"));
    assertEquals(JsonValue.NULL, forIntegration.get("unread"));
    assertEquals(Json.createObjectBuilder().add("open", 0).add("mine", 0).add("unassigned", 0).add("resolved", 0)
        .add("waiting", 0).add("unread", 0).build(), counts(owner.api(), "?app_id=" + UUID.randomUUID()));
  }

  @Test
  void refusesUnusableFiltersAndIdsAndStoresNothing() {
    String id = conversationFrom(widget, "hello");
    Api integration = Api.withToken(apiKey(owner));

    assertValidationError(owner.api().get("/api/v1/conversations?assignee_id=bob"), "assignee_id");
    assertValidationError(owner.api().get("/api/v1/conversations?app_id=42&status=open"), "app_id");
    assertValidationError(owner.api().get("/api/v1/conversations/counts?app_id=42"), "app_id");
    assertValidationError(integration.get("/api/v1/conversations?assignee_id=me"), "assignee_id");
    assertProblem(owner.api().get("/api/v1/conversations?cursor=garbage"), 400, "invalid_cursor");
    assertProblem(owner.api().post("/api/v1/conversations/not-an-id/read", ""), 404, "not_found");
    assertProblem(owner.api().post("/api/v1/conversations/" + UUID.randomUUID() + "/read", ""), 404, "not_found");
    assertProblem(integration.post("/api/v1/conversations/" + id + "/read", ""), 403, "sign_in_required");

    assertEquals(0, Database.count("SELECT count(*) FROM conversation_reads WHERE organization_id = ?",
        UUID.fromString(owner.organizationId())));
    assertEquals(1, conversation(owner.api(), id).getInt("unread_count"));
  }

  @Test
  void anotherOrganizationReadsMarksAndCountsNothingOfOurs() throws SQLException {
    String id = conversationFrom(widget, "confidential");
    assertEquals(204, owner.api().post("/api/v1/conversations/" + id + "/read", "").status());
    Organizations.Owner other = Organizations.signUp("Nosy Inbox Co");
    String theirs = conversationFrom(new Widget(Widget.createApp(other.api(), "Theirs", false).getString("app_key")), "theirs");

    assertProblem(other.api().post("/api/v1/conversations/" + id + "/read", ""), 404, "not_found");
    assertProblem(other.api().get("/api/v1/conversations/" + id), 404, "not_found");
    assertProblem(owner.api().post("/api/v1/conversations/" + theirs + "/read", ""), 404, "not_found");
    assertEquals(List.of(), ids(other.api(), "?app_id=" + app.getString("id")));
    assertEquals(List.of(theirs), ids(other.api(), "?assignee_id=none"));
    assertEquals(1, counts(other.api(), "").getInt("open"));
    assertEquals(0, counts(other.api(), "?app_id=" + app.getString("id")).getInt("open"));

    // The database keeps the boundary too: as the application, the other organization sees no marker of ours.
    assertEquals(0, readMarkersSeenBy(other.organizationId()));
    assertEquals(1, readMarkersSeenBy(owner.organizationId()));
  }

  @Test
  void readMarkersGoWithTheirMemberAndTheirConversation() {
    Team.Joined agent = Team.join(owner, "agent");
    String id = conversationFrom(widget, "hello");
    assertEquals(204, owner.api().post("/api/v1/conversations/" + id + "/read", "").status());
    assertEquals(204, agent.api().post("/api/v1/conversations/" + id + "/read", "").status());
    UUID organization = UUID.fromString(owner.organizationId());
    assertEquals(2, Database.count("SELECT count(*) FROM conversation_reads WHERE organization_id = ?", organization));

    assertEquals(204, owner.api().delete("/api/v1/members/" + agent.memberId()).status());
    assertEquals(1, Database.count("SELECT count(*) FROM conversation_reads WHERE organization_id = ?", organization));
    assertEquals(204, owner.api().delete("/api/v1/apps/" + app.getString("id")).status());
    assertEquals(1, Database.count("SELECT count(*) FROM conversation_reads WHERE organization_id = ?", organization));
    io.convot.it.support.Eventually.await(() -> Database.count("SELECT count(*) FROM conversation_reads WHERE organization_id = ?",
        organization), count -> count == 0, java.time.Duration.ofSeconds(60), "the app's deletion after its grace period (15 s here)");
  }

  @Test
  void eventsKeepTheirConversationShape() {
    String id = conversationFrom(widget, "hello");
    ok(owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}"));

    Object payload = Database.single("SELECT payload FROM events WHERE organization_id = ? AND type = 'conversation.assigned'",
        UUID.fromString(owner.organizationId()));
    JsonObject conversation = Json.createReader(new java.io.StringReader(payload.toString())).readObject()
        .getJsonObject("data").getJsonObject("conversation");
    assertEquals(id, conversation.getString("id"));
    for (String inboxField : List.of("last_activity_at", "last_message", "unread_count", "waiting_since")) {
      assertFalse(conversation.containsKey(inboxField), () -> inboxField + " in " + conversation);
    }
  }

  /** How many read markers a transaction of the application's role inside {@code organizationId} sees. */
  private static long readMarkersSeenBy(String organizationId) throws SQLException {
    try (Connection connection = Database.connect(Database.URL)) {
      connection.setAutoCommit(false);
      try {
        connection.createStatement().execute("SET LOCAL ROLE convot_app");
        try (PreparedStatement tenant = connection.prepareStatement("SELECT set_config('convot.organization_id', ?, true)")) {
          tenant.setString(1, organizationId);
          tenant.executeQuery().close();
        }
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM conversation_reads")) {
          rows.next();
          return rows.getLong(1);
        }
      } finally {
        connection.rollback();
      }
    }
  }
}
