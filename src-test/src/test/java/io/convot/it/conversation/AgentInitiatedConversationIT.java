package io.convot.it.conversation;

import static io.convot.it.support.LiveClient.ofType;
import static io.convot.it.support.ProblemAssert.assertFieldError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/conversations}: an agent writes first, to a known contact or to an email address. */
class AgentInitiatedConversationIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  private final Organizations.Owner owner = Organizations.signUp("Outbound Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Outbound", false);

  private List<JsonObject> eventsOf(String organizationId) {
    return Database.column("SELECT payload FROM events WHERE organization_id = ?::uuid ORDER BY created_at, id", organizationId)
        .stream().map(payload -> Json.createReader(new StringReader(payload.toString())).readObject()).toList();
  }

  private static String body(String contactId, String appId, String email, String text) {
    var json = Json.createObjectBuilder();
    if (contactId != null) {
      json.add("contact_id", contactId);
    }
    if (appId != null) {
      json.add("app_id", appId);
    }
    if (email != null) {
      json.add("email", email);
    }
    if (text != null) {
      json.add("text", text);
    }
    return json.build().toString();
  }

  private String contactOf(String email) {
    return owner.api().get("/api/v1/contacts?email=" + email).json().getJsonArray("data").getJsonObject(0).getString("id");
  }

  @Test
  void anAgentWritesFirstToAKnownContactWhoSeesTheMessage() throws Exception {
    String visitor = new Widget(app.getString("app_key")).session("\"user\": {\"email\": \"ann@shop.test\"}");
    String contactId = contactOf("ann@shop.test");
    Team.Joined agent = Team.join(owner, "agent");
    long eventsBefore = eventsOf(owner.organizationId()).size();

    Api.Reply reply;
    try (LiveClient dashboard = LiveClient.connect("/realtime/v1/agent",
        Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build())) {
      dashboard.await(ofType("ready"), SOON);

      reply = agent.api().post("/api/v1/conversations", body(contactId, null, null, "Your export is ready <b>now</b>"));

      assertEquals(201, reply.status(), reply::toString);
      JsonObject live = dashboard.await(message -> "message".equals(message.getString("type", null))
          && "Your export is ready <b>now</b>".equals(message.getJsonObject("message").getString("text", null)), SOON);
      assertEquals(reply.json().getJsonObject("conversation").getString("id"), live.getJsonObject("conversation").getString("id"));
    }
    JsonObject conversation = reply.json().getJsonObject("conversation");
    JsonObject message = reply.json().getJsonObject("message");
    String id = conversation.getString("id");
    assertTrue(reply.header("Location").endsWith("/api/v1/conversations/" + id), reply::toString);
    assertEquals(contactId, conversation.getString("contact_id"));
    assertEquals(app.getString("id"), conversation.getString("app_id"));
    assertEquals("open", conversation.getString("status"));
    assertTrue(conversation.isNull("assignee_id"));
    assertEquals("agent", message.getString("from"));
    assertEquals(false, message.getBoolean("private"));
    assertEquals(agent.memberId(), message.getJsonObject("author").getString("id"));
    assertEquals(id, message.getString("conversation_id"));

    List<JsonObject> seen = Widget.messages(visitor).json().getJsonArray("data").getValuesAs(JsonObject.class);
    assertEquals(List.of("Your export is ready <b>now</b>"), seen.stream().map(m -> m.getString("text")).toList());
    assertEquals(id, owner.api().get("/api/v1/conversations/" + id).json().getString("id"));

    List<JsonObject> events = eventsOf(owner.organizationId());
    List<JsonObject> fired = events.subList((int) eventsBefore, events.size());
    assertEquals(List.of("conversation.created", "message.sent"), fired.stream().map(e -> e.getString("type")).toList());
    assertEquals(id, fired.get(0).getJsonObject("data").getJsonObject("conversation").getString("id"));
    assertEquals(contactId, fired.get(0).getJsonObject("data").getJsonObject("contact").getString("id"));
    assertEquals(message.getString("id"), fired.get(1).getJsonObject("data").getJsonObject("message").getString("id"));
    assertEquals(app.getString("id"), fired.get(1).getString("app_id"));

    // The visitor's answer lands in the conversation the agent started.
    assertEquals(201, Widget.send(visitor, "Thanks!").status());
    assertEquals(2, owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").size());
  }

  /**
   * A visitor's message goes to their newest conversation: the one an agent started after the
   * visitor's first was resolved, not the older one; that one, resolved in turn, is reopened by the
   * next message rather than a third started.
   */
  @Test
  void aVisitorsMessageGoesToTheirNewestConversationAndReopensItWhenResolved() {
    String visitor = new Widget(app.getString("app_key")).session("\"user\": {\"email\": \"cleo@shop.test\"}");
    assertEquals(201, Widget.send(visitor, "first question").status());
    String first = Database.column("SELECT m.conversation_id::text FROM messages m WHERE m.text = 'first question'"
        + " AND m.organization_id = ?::uuid", owner.organizationId()).get(0).toString();
    assertEquals(200, owner.api().post("/api/v1/conversations/" + first + "/resolve", "").status());
    Api.Reply started = owner.api().post("/api/v1/conversations", body(contactOf("cleo@shop.test"), null, null, "A follow-up"));
    assertEquals(201, started.status(), started::toString);
    String second = started.json().getJsonObject("conversation").getString("id");

    assertEquals(201, Widget.send(visitor, "answer to the follow-up").status());
    assertEquals(List.of("A follow-up", "answer to the follow-up"), texts(second));
    assertEquals(List.of("first question"), texts(first));
    assertEquals("resolved", owner.api().get("/api/v1/conversations/" + first).json().getString("status"));

    assertEquals(200, owner.api().post("/api/v1/conversations/" + second + "/resolve", "").status());
    assertEquals(201, Widget.send(visitor, "one more thing").status());
    assertEquals(List.of("A follow-up", "answer to the follow-up", "one more thing"), texts(second));
    assertEquals("open", owner.api().get("/api/v1/conversations/" + second).json().getString("status"));
    assertEquals("resolved", owner.api().get("/api/v1/conversations/" + first).json().getString("status"));
    assertEquals(List.of(2L), Database.column("SELECT count(*) FROM conversations WHERE contact_id = ?::uuid", contactOf("cleo@shop.test")));
  }

  private List<String> texts(String conversationId) {
    return owner.api().get("/api/v1/conversations/" + conversationId + "/messages").json().getJsonArray("data")
        .getValuesAs(JsonObject.class).stream().map(message -> message.getString("text")).toList();
  }

  @Test
  void anEmailWithoutAContactMakesOneAndTheSameEmailReusesIt() {
    Api.Reply first = owner.api().post("/api/v1/conversations", body(null, app.getString("id"), "New.Merchant@Shop.test", "Welcome aboard"));

    assertEquals(201, first.status(), first::toString);
    JsonObject contact = first.json().getJsonObject("conversation").getJsonObject("contact");
    assertEquals("new.merchant@shop.test", contact.getString("email"));
    assertEquals(false, contact.getBoolean("verified"));
    List<String> types = eventsOf(owner.organizationId()).stream().map(e -> e.getString("type")).toList();
    assertEquals(List.of("contact.created", "contact.identified", "conversation.created", "message.sent"), types);
    JsonObject identified = eventsOf(owner.organizationId()).get(1).getJsonObject("data");
    assertEquals(false, identified.getBoolean("verified"));
    assertEquals("new.merchant@shop.test", identified.getJsonObject("contact").getString("email"));

    Api.Reply second = owner.api().post("/api/v1/conversations", body(null, app.getString("id"), "new.merchant@shop.test ", "One more thing"));

    assertEquals(201, second.status(), second::toString);
    assertEquals(contact.getString("id"), second.json().getJsonObject("conversation").getString("contact_id"));
    assertNotEquals(first.json().getJsonObject("conversation").getString("id"), second.json().getJsonObject("conversation").getString("id"),
        "an agent-initiated conversation is always a new one");
    assertEquals(1, owner.api().get("/api/v1/contacts?email=new.merchant@shop.test").json().getJsonArray("data").size());
    assertEquals(1, eventsOf(owner.organizationId()).stream().filter(e -> e.getString("type").equals("contact.created")).count());
  }

  @Test
  void anApiKeyWritesAsTheTeam() {
    String apiKey = owner.api().post("/api/v1/api-keys", "{\"name\": \"CRM\"}").string("key");

    Api.Reply reply = Api.withToken(apiKey).post("/api/v1/conversations", body(null, app.getString("id"), "bob@shop.test", "Hello Bob"));

    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.json().getJsonObject("message").isNull("author"), reply::toString);
    assertEquals("agent", reply.json().getJsonObject("message").getString("from"));
  }

  @Test
  void badInputIsRefusedAndWritesNothing() {
    String contactId = owner.api().post("/api/v1/conversations", body(null, app.getString("id"), "known@shop.test", "hi"))
        .json().getJsonObject("conversation").getString("contact_id");
    long conversations = Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", owner.organizationId());
    long events = eventsOf(owner.organizationId()).size();
    Api api = owner.api();
    String appId = app.getString("id");

    Api.Reply empty = api.post("/api/v1/conversations", "{}");
    assertValidationError(empty, "app_id");
    assertFieldError(empty, "email");
    assertFieldError(empty, "text");
    assertValidationError(api.post("/api/v1/conversations", body(contactId, null, null, null)), "text");
    assertValidationError(api.post("/api/v1/conversations", body(contactId, null, null, "   ")), "text");
    assertValidationError(api.post("/api/v1/conversations", body(contactId, null, null, "x".repeat(10_001))), "text");
    assertValidationError(api.post("/api/v1/conversations", body("not-an-id", null, null, "hi")), "contact_id");
    assertValidationError(api.post("/api/v1/conversations", body(UUID.randomUUID().toString(), null, null, "hi")), "contact_id");
    assertValidationError(api.post("/api/v1/conversations", body(contactId, null, "known@shop.test", "hi")), "email");
    assertValidationError(api.post("/api/v1/conversations", body(null, appId, "not an email", "hi")), "email");
    assertValidationError(api.post("/api/v1/conversations", body(null, null, "someone@shop.test", "hi")), "app_id");
    assertValidationError(api.post("/api/v1/conversations", body(null, UUID.randomUUID().toString(), "someone@shop.test", "hi")), "app_id");
    String otherApp = Widget.createApp(api, "Other", false).getString("id");
    assertValidationError(api.post("/api/v1/conversations", body(contactId, otherApp, null, "hi")), "app_id");
    assertProblem(api.post("/api/v1/conversations", "[1, 2]"), 400, "malformed_request");
    assertProblem(api.post("/api/v1/conversations", "{\"text\": "), 400, "malformed_request");
    assertValidationError(api.post("/api/v1/conversations", ""), "text");
    assertEquals(204, api.delete("/api/v1/contacts/" + contactId).status());
    long afterDelete = eventsOf(owner.organizationId()).size();
    assertValidationError(api.post("/api/v1/conversations", body(contactId, null, null, "hi")), "contact_id");

    assertEquals(conversations, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", owner.organizationId()));
    assertEquals(0, Database.count("SELECT count(*) FROM contacts WHERE organization_id = ?::uuid AND email = 'someone@shop.test'",
        owner.organizationId()));
    assertTrue(afterDelete >= events);
    assertEquals(afterDelete, eventsOf(owner.organizationId()).size(), "a refused start writes no event");
  }

  @Test
  void anotherOrganizationsContactOrAppIsUnknown() {
    String contactId = owner.api().post("/api/v1/conversations", body(null, app.getString("id"), "private@shop.test", "hi"))
        .json().getJsonObject("conversation").getString("contact_id");
    Organizations.Owner other = Organizations.signUp("Nosy Outbound Co");

    Api.Reply byContact = other.api().post("/api/v1/conversations", body(contactId, null, null, "I know you"));
    Api.Reply byApp = other.api().post("/api/v1/conversations", body(null, app.getString("id"), "private@shop.test", "I know you"));

    assertValidationError(byContact, "contact_id");
    assertEquals("unknown_contact", byContact.json().getJsonArray("errors").getJsonObject(0).getString("code"));
    assertValidationError(byApp, "app_id");
    assertEquals("unknown_app", byApp.json().getJsonArray("errors").getJsonObject(0).getString("code"));
    assertEquals(0, eventsOf(other.organizationId()).size());
    assertEquals(1, owner.api().get("/api/v1/conversations?contact_id=" + contactId).json().getJsonArray("data").size());
  }
}
