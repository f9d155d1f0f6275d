package io.convot.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The database keeps a conversation's first facts for reports whoever writes after them: an update
 * that sets them again (a second message whose transaction saw them unset) leaves the first values
 * committed, and a reply recorded without a visitor message before it is no first reply.
 */
class FirstFactsTriggerIT {

  @Test
  void theFirstValuesCommittedStay() {
    Organizations.Owner owner = Organizations.signUp("First facts");
    String session = new Widget(Widget.createApp(owner.api(), "Shop", false).getString("app_key")).session("");
    Api.Reply sent = Widget.send(session, "hello");
    String conversation = sent.json().getString("conversation_id");
    Api.Reply reply = owner.api().post("/api/v1/conversations/" + conversation + "/messages",
        Json.createObjectBuilder().add("text", "hi").build().toString());
    assertEquals(201, reply.status(), reply::toString);

    Object firstVisitor = Database.single("SELECT first_visitor_message_at FROM conversations WHERE id = ?::uuid", conversation);
    Object firstReply = Database.single("SELECT first_reply_at FROM conversations WHERE id = ?::uuid", conversation);
    assertNotNull(firstVisitor);
    assertNotNull(firstReply);
    assertEquals(owner.memberId(), String.valueOf(Database.single(
        "SELECT first_responder_id FROM conversations WHERE id = ?::uuid", conversation)));

    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5);
    Database.update("UPDATE conversations SET first_visitor_message_at = ?, first_reply_at = ?, first_responder_id = NULL"
        + " WHERE id = ?::uuid", later, later, conversation);

    assertEquals(firstVisitor, Database.single("SELECT first_visitor_message_at FROM conversations WHERE id = ?::uuid", conversation));
    assertEquals(firstReply, Database.single("SELECT first_reply_at FROM conversations WHERE id = ?::uuid", conversation));
    assertEquals(owner.memberId(), String.valueOf(Database.single(
        "SELECT first_responder_id FROM conversations WHERE id = ?::uuid", conversation)));
  }

  @Test
  void aReplyBeforeAnyVisitorMessageIsNoFirstReply() {
    Organizations.Owner owner = Organizations.signUp("No first reply");
    String app = Widget.createApp(owner.api(), "Shop", false).getString("id");
    Api.Reply started = owner.api().post("/api/v1/conversations", Json.createObjectBuilder().add("app_id", app)
        .add("email", Organizations.uniqueEmail("buyer")).add("text", "your order shipped").build().toString());
    assertEquals(201, started.status(), started::toString);
    String conversation = started.json().getJsonObject("conversation").getString("id");
    assertNull(Database.single("SELECT first_reply_at FROM conversations WHERE id = ?::uuid", conversation),
        "an agent's opening message answers nothing");

    Database.update("UPDATE conversations SET first_reply_at = now(), first_responder_id = ?::uuid WHERE id = ?::uuid",
        owner.memberId(), conversation);

    assertNull(Database.single("SELECT first_reply_at FROM conversations WHERE id = ?::uuid", conversation));
    assertNull(Database.single("SELECT first_responder_id FROM conversations WHERE id = ?::uuid", conversation));
  }
}
