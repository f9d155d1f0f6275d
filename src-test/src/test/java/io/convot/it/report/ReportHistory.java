package io.convot.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A known history made through the real API (widget messages, replies, notes, deletions, resolutions
 * and the reopening a visitor's message brings), then moved to chosen past times in the database:
 * each row is given the time the script says, and what the server recorded from a row (a first
 * visitor message, a first reply, a resolution's conversation creation) follows that row, so a fact
 * recorded from the wrong message ends at the wrong time. The model keeps what the script did, from
 * which the tests compute every figure themselves.
 */
public final class ReportHistory {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Who acted: a member (with their id and name) or an API key (no member). */
  public record Actor(String memberId, String name, Api api) {}

  public record Msg(String id, boolean visitor, String by, boolean note, Instant at, boolean[] deleted) {
    boolean isDeleted() {
      return deleted[0];
    }
  }

  public record Resolution(String by, Instant at) {}

  public static final class Conv {
    final String appId;
    final String appName;
    final String email;
    final Instant created;
    final String session;
    public String id;
    String status = "open";
    final List<Msg> messages = new ArrayList<>();
    final List<Resolution> resolutions = new ArrayList<>();

    Conv(String appId, String appName, String email, Instant created, String session) {
      this.appId = appId;
      this.appName = appName;
      this.email = email;
      this.created = created;
      this.session = session;
    }

    /** The first visitor message (a deleted one too), the first reply after it (not a note; a deleted one too). */
    Msg firstVisitor() {
      return messages.stream().filter(Msg::visitor).findFirst().orElse(null);
    }

    Msg firstReply() {
      Msg first = firstVisitor();
      if (first == null) {
        return null;
      }
      return messages.stream().filter(m -> !m.visitor() && !m.note() && m.at().isAfter(first.at())).findFirst().orElse(null);
    }
  }

  public final List<Conv> conversations = new ArrayList<>();
  private final List<Object[]> messageTimes = new ArrayList<>();

  /** A visitor of {@code app} (its key) writes first: a new contact, a new conversation. */
  public Conv visitorStarts(JsonObject app, Instant at) {
    String email = "visitor" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@shop.test";
    String session = new Widget(app.getString("app_key")).session("\"user\": {\"email\": \"" + email + "\"}");
    Conv conv = new Conv(app.getString("id"), app.getString("name"), email, at, session);
    conversations.add(conv);
    visitor(conv, at);
    return conv;
  }

  public Msg visitor(Conv conv, Instant at) {
    Api.Reply sent = Widget.send(conv.session, "hello at " + at);
    assertEquals(201, sent.status(), sent::toString);
    String conversationId = sent.json().getString("conversation_id");
    if (conv.id == null) {
      conv.id = conversationId;
    }
    assertEquals(conv.id, conversationId, "the visitor writes in the same conversation");
    conv.status = "open";
    return add(conv, new Msg(sent.string("id"), true, null, false, at, new boolean[1]));
  }

  /** An agent (or the API) starts a conversation with whoever has a new email in {@code app}. */
  public Conv agentStarts(Actor actor, JsonObject app, Instant at) {
    String email = "customer" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@shop.test";
    Api.Reply started = actor.api().post("/api/v1/conversations", Json.createObjectBuilder().add("app_id", app.getString("id"))
        .add("email", email).add("text", "we noticed your order").build().toString());
    assertEquals(201, started.status(), started::toString);
    Conv conv = new Conv(app.getString("id"), app.getString("name"), email, at, null);
    conv.id = started.json().getJsonObject("conversation").getString("id");
    conversations.add(conv);
    add(conv, new Msg(started.json().getJsonObject("message").getString("id"), false, actor.memberId(), false, at, new boolean[1]));
    return conv;
  }

  public Msg reply(Conv conv, Actor actor, Instant at) {
    return agentMessage(conv, actor, at, false);
  }

  public Msg note(Conv conv, Actor actor, Instant at) {
    return agentMessage(conv, actor, at, true);
  }

  private Msg agentMessage(Conv conv, Actor actor, Instant at, boolean note) {
    Api.Reply sent = actor.api().post("/api/v1/conversations/" + conv.id + "/messages",
        Json.createObjectBuilder().add("text", (note ? "note" : "reply") + " at " + at).add("private", note).build().toString());
    assertEquals(201, sent.status(), sent::toString);
    return add(conv, new Msg(sent.string("id"), false, actor.memberId(), note, at, new boolean[1]));
  }

  public void delete(Actor actor, Msg message) {
    Api.Reply deleted = actor.api().delete("/api/v1/messages/" + message.id());
    assertEquals(204, deleted.status(), deleted::toString);
    message.deleted()[0] = true;
  }

  public void resolve(Conv conv, Actor actor, Instant at) {
    Api.Reply resolved = actor.api().post("/api/v1/conversations/" + conv.id + "/resolve", "");
    assertEquals(200, resolved.status(), resolved::toString);
    conv.status = "resolved";
    conv.resolutions.add(new Resolution(actor.memberId(), at));
  }

  private Msg add(Conv conv, Msg message) {
    conv.messages.add(message);
    messageTimes.add(new Object[] {conv, message});
    return message;
  }

  /**
   * Moves every row to the script's time. Runs as the database's owner with triggers off (the
   * trigger that keeps first facts would keep the recorded ones): the facts follow their rows.
   */
  public void moveToScriptedTimes() throws Exception {
    try (Connection db = Database.connect(Database.URL)) {
      db.setAutoCommit(false);
      db.createStatement().execute("SET LOCAL session_replication_role = replica");
      for (Object[] entry : messageTimes) {
        Conv conv = (Conv) entry[0];
        Msg message = (Msg) entry[1];
        for (String column : List.of("first_visitor_message_at", "first_reply_at")) {
          update(db, "UPDATE conversations SET " + column + " = ? WHERE id = ?::uuid AND " + column
              + " = (SELECT created_at FROM messages WHERE id = ?::uuid)", message.at(), conv.id, message.id());
        }
        update(db, "UPDATE messages SET created_at = ?, updated_at = ? WHERE id = ?::uuid", message.at(), message.at(), message.id());
      }
      for (Conv conv : conversations) {
        update(db, "UPDATE conversation_resolutions SET conversation_created_at = ? WHERE conversation_id = ?::uuid"
            + " AND conversation_created_at = (SELECT created_at FROM conversations WHERE id = ?::uuid)", conv.created, conv.id, conv.id);
        update(db, "UPDATE conversations SET created_at = ? WHERE id = ?::uuid", conv.created, conv.id);
        List<String> resolutionIds = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
            "SELECT id FROM conversation_resolutions WHERE conversation_id = ?::uuid ORDER BY resolved_at, id")) {
          select.setString(1, conv.id);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              resolutionIds.add(rows.getString(1));
            }
          }
        }
        assertEquals(conv.resolutions.size(), resolutionIds.size(), "one row per resolution of " + conv.id);
        for (int i = 0; i < resolutionIds.size(); i++) {
          update(db, "UPDATE conversation_resolutions SET resolved_at = ? WHERE id = ?::uuid", conv.resolutions.get(i).at(),
              resolutionIds.get(i));
        }
      }
      db.commit();
    }
  }

  private static void update(Connection db, String sql, Object... parameters) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        if (value instanceof Instant time) {
          statement.setObject(i + 1, time.atOffset(ZoneOffset.UTC));
        } else {
          statement.setObject(i + 1, value);
        }
      }
      statement.executeUpdate();
    }
  }

  static Organizations.Owner owner(String organization) {
    return Organizations.signUp(organization);
  }
}
