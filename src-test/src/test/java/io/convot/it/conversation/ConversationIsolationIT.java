package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Another organization gets 404 on every conversation, message and contact here, and lists none of them. */
class ConversationIsolationIT {

  private final Organizations.Owner owner = Organizations.signUp("Private Co");
  private final Organizations.Owner other = Organizations.signUp("Nosy Co");

  @Test
  void anotherOrganizationGetsNotFoundOnEveryObject() {
    JsonObject app = Widget.createApp(owner.api(), "Private", false);
    String token = new Widget(app.getString("app_key")).session("\"user\": {\"email\": \"ann@shop.test\"}");
    Widget.client(token).post("/widget/v1/events", "{\"name\": \"signed_up\"}");
    Widget.send(token, "confidential");
    JsonObject conversation = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0);
    String id = conversation.getString("id");
    String contactId = conversation.getString("contact_id");
    String messageId = owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").getJsonObject(0).getString("id");
    Api nosy = other.api();

    assertProblem(nosy.get("/api/v1/conversations/" + id), 404, "not_found");
    assertProblem(nosy.get("/api/v1/conversations/" + id + "/messages"), 404, "not_found");
    assertProblem(nosy.post("/api/v1/conversations/" + id + "/messages", "{\"text\": \"hello\"}"), 404, "not_found");
    assertProblem(nosy.post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": null}"), 404, "not_found");
    assertProblem(nosy.post("/api/v1/conversations/" + id + "/resolve", ""), 404, "not_found");
    assertProblem(nosy.post("/api/v1/conversations/" + id + "/reopen", ""), 404, "not_found");
    assertProblem(nosy.delete("/api/v1/messages/" + messageId), 404, "not_found");
    assertProblem(nosy.get("/api/v1/contacts/" + contactId), 404, "not_found");
    assertProblem(nosy.patch("/api/v1/contacts/" + contactId, "{\"nickname\": \"pwned\"}"), 404, "not_found");
    assertProblem(nosy.delete("/api/v1/contacts/" + contactId), 404, "not_found");
    assertProblem(nosy.get("/api/v1/contacts/" + contactId + "/events"), 404, "not_found");

    assertEquals(0, nosy.get("/api/v1/conversations").json().getJsonArray("data").size());
    assertEquals(0, nosy.get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data").size());
    assertEquals(0, nosy.get("/api/v1/contacts?email=ann@shop.test").json().getJsonArray("data").size());

    // Nothing changed for the owner.
    assertEquals(1, owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").size());
    assertEquals("open", owner.api().get("/api/v1/conversations/" + id).json().getString("status"));
  }
}
