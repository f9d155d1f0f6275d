package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/conversations/{id}/messages?updated_since=}: a high-water mark over a conversation's messages. */
class MessagesUpdatedSinceIT {

  private final Organizations.Owner owner = Organizations.signUp("High Water Co");

  private String conversation(Organizations.Owner organization) {
    JsonObject app = Widget.createApp(organization.api(), "High Water", false);
    return organization.api().post("/api/v1/conversations", Json.createObjectBuilder().add("app_id", app.getString("id"))
        .add("email", "ann@shop.test").add("text", "first").build().toString()).json().getJsonObject("conversation").getString("id");
  }

  private JsonObject reply(String conversation, String text) {
    Api.Reply reply = owner.api().post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"" + text + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private List<String> textsSince(String conversation, String since, int limit) {
    List<String> texts = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page = owner.api().get("/api/v1/conversations/" + conversation + "/messages?updated_since=" + since + "&limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page::toString);
      page.json().getJsonArray("data").getValuesAs(JsonObject.class)
          .forEach(m -> texts.add(m.isNull("text") ? "(deleted " + m.getString("id") + ")" : m.getString("text")));
      cursor = page.isNull("next_cursor") ? null : page.string("next_cursor");
    } while (cursor != null);
    return texts;
  }

  @Test
  void onlyMessagesWrittenOrDeletedSinceTheMarkAreListedInStablePages() {
    String id = conversation(owner);
    JsonObject second = reply(id, "second");
    String mark = second.getString("updated_at");
    reply(id, "third");
    reply(id, "fourth");

    assertEquals(List.of("second", "third", "fourth"), textsSince(id, mark, 1));
    assertEquals(List.of("second", "third", "fourth"), textsSince(id, mark, 50));
    assertEquals(List.of(), textsSince(id, "2999-01-01T00:00:00Z", 50));
    assertEquals(4, textsSince(id, "2000-01-01T00:00:00Z", 2).size());

    // Deleting the first message moves its updated_at past the mark: an integration hears of it.
    String first = owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").getJsonObject(0).getString("id");
    assertEquals(204, owner.api().delete("/api/v1/messages/" + first).status());
    assertEquals(List.of("(deleted " + first + ")", "second", "third", "fourth"), textsSince(id, mark, 1));
    JsonObject deleted = owner.api().get("/api/v1/conversations/" + id + "/messages").json().getJsonArray("data").getJsonObject(0);
    assertEquals(deleted.getString("deleted_at"), deleted.getString("updated_at"));
    assertFalse(deleted.isNull("updated_at"));
  }

  @Test
  void aMalformedMarkIsRefused() {
    String id = conversation(owner);

    assertValidationError(owner.api().get("/api/v1/conversations/" + id + "/messages?updated_since=yesterday"), "updated_since");
    assertValidationError(owner.api().get("/api/v1/conversations/" + id + "/messages?updated_since=2026-11-21"), "updated_since");
    assertProblem(owner.api().get("/api/v1/conversations/" + id + "/messages?updated_since=2026-11-21T10:15:30Z&limit=0"), 422, "invalid_parameter");
  }

  @Test
  void anotherOrganizationsConversationIsNotFound() {
    String id = conversation(owner);
    Organizations.Owner other = Organizations.signUp("Nosy High Water Co");

    assertProblem(other.api().get("/api/v1/conversations/" + id + "/messages?updated_since=2000-01-01T00:00:00Z"), 404, "not_found");
    assertProblem(owner.api().get("/api/v1/conversations/" + UUID.randomUUID() + "/messages?updated_since=2000-01-01T00:00:00Z"),
        404, "not_found");
  }
}
