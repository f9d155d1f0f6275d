package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertValidationError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A visitor talks to the team; agents read, reply, note, assign, resolve and reopen. */
class ConversationsIT {

  private final Organizations.Owner owner = Organizations.signUp("Support Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Support", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  private String visitorWithAQuestion() {
    String token = widget.session("""
        "user": {"email": "Merchant@Shop.test", "nickname": "Mia", "company": {"name": "Mia's Shop", "url": "https://mia.test"}},
        "data": {"Plan": "pro", "seats": 3, "trial": false},
        "segments": ["VIP", "beta"]""");
    assertEquals(201, Widget.client(token).post("/widget/v1/events", """
        {"name": "plan_upgraded", "data": {"from": "basic", "to": "pro"}, "color": "green"}""").status());
    assertEquals(201, Widget.send(token, "How do I export my orders?").status());
    return token;
  }

  private JsonObject onlyConversation() {
    JsonArray conversations = owner.api().get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data");
    assertEquals(1, conversations.size(), conversations::toString);
    return conversations.getJsonObject(0);
  }

  @Test
  void agentsSeeTheConversationWithTheVisitorsSessionDataSegmentsAndEvents() {
    visitorWithAQuestion();

    JsonObject conversation = owner.api().get("/api/v1/conversations/" + onlyConversation().getString("id")).json();

    assertEquals("open", conversation.getString("status"));
    JsonObject contact = conversation.getJsonObject("contact");
    assertEquals("merchant@shop.test", contact.getString("email"));
    assertEquals("Mia", contact.getString("nickname"));
    assertFalse(contact.getBoolean("verified"));
    assertEquals("Mia's Shop", contact.getJsonObject("company").getString("name"));
    assertEquals("pro", contact.getJsonObject("data").getString("plan"));
    assertEquals(3, contact.getJsonObject("data").getInt("seats"));
    assertEquals(List.of("beta", "vip"), contact.getJsonArray("segments").getValuesAs(jakarta.json.JsonString::getString));
    JsonArray events = owner.api().get("/api/v1/contacts/" + contact.getString("id") + "/events").json().getJsonArray("data");
    assertEquals(1, events.size());
    assertEquals("plan_upgraded", events.getJsonObject(0).getString("name"));
    assertEquals("pro", events.getJsonObject(0).getJsonObject("data").getString("to"));
    JsonArray messages = owner.api().get("/api/v1/conversations/" + conversation.getString("id") + "/messages").json().getJsonArray("data");
    assertEquals("How do I export my orders?", messages.getJsonObject(0).getString("text"));
    assertEquals("visitor", messages.getJsonObject(0).getString("from"));
  }

  @Test
  void theVisitorSeesRepliesButNeverPrivateNotes() {
    String token = visitorWithAQuestion();
    String id = onlyConversation().getString("id");

    Api.Reply reply = owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"Settings > Export.\"}");
    Api.Reply note = owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"Big account, be nice\", \"private\": true}");

    assertEquals(201, reply.status(), reply::toString);
    assertEquals(201, note.status(), note::toString);
    assertTrue(note.json().getBoolean("private"));
    JsonArray seen = Widget.messages(token).json().getJsonArray("data");
    assertEquals(List.of("How do I export my orders?", "Settings > Export."),
        seen.stream().map(m -> m.asJsonObject().getString("text")).toList());
    assertEquals("agent", seen.getJsonObject(1).getString("from"));
    assertFalse(seen.toString().contains("Big account"));
    assertEquals(3, owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").size());
  }

  @Test
  void resolvingReopeningAndAVisitorMessageReopeningAResolvedConversation() {
    String token = visitorWithAQuestion();
    String id = onlyConversation().getString("id");

    assertEquals("resolved", owner.api().post("/api/v1/conversations/" + id + "/resolve", "").json().getString("status"));
    assertProblem(owner.api().post("/api/v1/conversations/" + id + "/resolve", ""), 409, "conflict");
    assertEquals("open", owner.api().post("/api/v1/conversations/" + id + "/reopen", "").json().getString("status"));
    owner.api().post("/api/v1/conversations/" + id + "/resolve", "");

    assertEquals(201, Widget.send(token, "One more thing").status());

    JsonObject conversation = onlyConversation();
    assertEquals(id, conversation.getString("id"));
    assertEquals("open", conversation.getString("status"));
  }

  @Test
  void assignsToAMemberAndUnassigns() {
    visitorWithAQuestion();
    String id = onlyConversation().getString("id");

    JsonObject assigned = owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}").json();
    assertEquals(owner.memberId(), assigned.getString("assignee_id"));
    assertEquals(1, owner.api().get("/api/v1/conversations?assignee_id=" + owner.memberId()).json().getJsonArray("data").size());
    assertEquals(0, owner.api().get("/api/v1/conversations?assignee_id=none").json().getJsonArray("data").size());

    Api.Reply unassigned = owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": null}");
    assertTrue(unassigned.isNull("assignee_id"));
  }

  @Test
  void refusesAssigningToSomeoneWhoIsNotAMember() {
    visitorWithAQuestion();
    String id = onlyConversation().getString("id");
    Organizations.Owner stranger = Organizations.signUp("Elsewhere");

    assertValidationError(owner.api().post("/api/v1/conversations/" + id + "/assign",
        "{\"member_id\": \"" + stranger.memberId() + "\"}"), "member_id");
    assertValidationError(owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"bob\"}"), "member_id");
    assertValidationError(owner.api().post("/api/v1/conversations/" + id + "/assign", "{}"), "member_id");
    assertTrue(onlyConversation().isNull("assignee_id"));
  }

  @Test
  void deletingAMessageHidesItFromTheVisitorAndKeepsItsPlaceForAgents() {
    String token = visitorWithAQuestion();
    String id = onlyConversation().getString("id");
    String replyId = owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"Oops, wrong chat\"}").string("id");

    assertEquals(204, owner.api().delete("/api/v1/messages/" + replyId).status());

    assertEquals(1, Widget.messages(token).json().getJsonArray("data").size());
    JsonObject deleted = owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").getJsonObject(1);
    assertTrue(deleted.isNull("text"));
    assertFalse(deleted.isNull("deleted_at"));
    assertProblem(owner.api().delete("/api/v1/messages/" + replyId), 404, "not_found");
  }

  @Test
  void refusesEmptyAndOversizedRepliesAndStoresNothing() {
    visitorWithAQuestion();
    String id = onlyConversation().getString("id");

    assertProblem(owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"\"}"), 422, "validation_failed");
    assertProblem(owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"" + "y".repeat(10_001) + "\"}"), 422, "validation_failed");
    assertProblem(owner.api().post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"hi\", \"private\": \"yes\"}"), 422, "validation_failed");

    assertEquals(1, owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").size());
  }

  @Test
  void filtersTheListAndRefusesUnusableFilters() {
    visitorWithAQuestion();
    JsonObject conversation = onlyConversation();

    assertEquals(1, owner.api().get("/api/v1/conversations?status=open&contact_id=" + conversation.getString("contact_id")).json().getJsonArray("data").size());
    assertEquals(0, owner.api().get("/api/v1/conversations?status=resolved").json().getJsonArray("data").size());
    assertEquals(0, owner.api().get("/api/v1/conversations?updated_since=2999-01-01T00:00:00Z").json().getJsonArray("data").size());
    assertEquals(1, owner.api().get("/api/v1/contacts?segment=vip&email=merchant@shop.test").json().getJsonArray("data").size());
    assertEquals(0, owner.api().get("/api/v1/contacts?segment=churned").json().getJsonArray("data").size());

    assertProblem(owner.api().get("/api/v1/conversations?status=maybe"), 422, "validation_failed");
    assertProblem(owner.api().get("/api/v1/conversations?updated_since=yesterday"), 422, "validation_failed");
    assertProblem(owner.api().get("/api/v1/contacts?app_id=42"), 422, "validation_failed");
  }

  @Test
  void agentsEditAndDeleteContacts() {
    String token = visitorWithAQuestion();
    String contactId = onlyConversation().getString("contact_id");

    JsonObject edited = owner.api().patch("/api/v1/contacts/" + contactId, """
        {"nickname": "Mia M.", "data": {"plan": "", "region": "eu"}, "segments": ["churn-risk"]}""").json();

    assertEquals("Mia M.", edited.getString("nickname"));
    assertFalse(edited.getJsonObject("data").containsKey("plan"));
    assertEquals("eu", edited.getJsonObject("data").getString("region"));
    assertEquals(List.of("churn-risk"), edited.getJsonArray("segments").getValuesAs(jakarta.json.JsonString::getString));
    assertProblem(owner.api().patch("/api/v1/contacts/" + contactId, "{\"email\": \"x@y.z\"}"), 422, "validation_failed");

    assertEquals(204, owner.api().delete("/api/v1/contacts/" + contactId).status());
    assertProblem(owner.api().get("/api/v1/contacts/" + contactId), 404, "not_found");
    assertProblem(Widget.messages(token), 401, "session_invalid");
  }
}
