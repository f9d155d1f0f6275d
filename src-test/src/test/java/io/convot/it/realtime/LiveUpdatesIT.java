package io.convot.it.realtime;

import static io.convot.it.support.LiveClient.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Visitors and agents see each other's messages live, and only what is theirs to see. */
class LiveUpdatesIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  private final Organizations.Owner owner = Organizations.signUp("Live Co");
  private final Widget widget = new Widget(Widget.createApp(owner.api(), "Live", false).getString("app_key"));

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }

  private static Predicate<JsonObject> messageWithText(String text) {
    return message -> "message".equals(message.getString("type", null))
        && text.equals(message.getJsonObject("message").getString("text", null));
  }

  @Test
  void visitorAndAgentSeeEachOthersMessagesLiveAndNotesStayWithAgents() throws Exception {
    String token = widget.session("\"user\": {\"email\": \"ann@shop.test\"}");
    try (LiveClient agent = LiveClient.connect("/realtime/v1/agent", auth(owner.token()));
         LiveClient visitor = LiveClient.connect("/realtime/v1/widget", auth(token))) {
      agent.await(ofType("ready"), SOON);
      visitor.await(ofType("ready"), SOON);

      Widget.send(token, "Is anyone there?");
      JsonObject arrived = agent.await(messageWithText("Is anyone there?"), SOON);
      String conversationId = arrived.getJsonObject("conversation").getString("id");

      Api.Reply note = owner.api().post("/api/v1/conversations/" + conversationId + "/messages",
          "{\"text\": \"internal only\", \"private\": true}");
      assertEquals(201, note.status(), note::toString);
      Api.Reply answer = owner.api().post("/api/v1/conversations/" + conversationId + "/messages", "{\"text\": \"Yes, how can I help?\"}");
      assertEquals(201, answer.status(), answer::toString);

      JsonObject reply = visitor.await(messageWithText("Yes, how can I help?"), SOON);
      assertEquals("agent", reply.getJsonObject("message").getString("from"));
      assertTrue(agent.receives(messageWithText("internal only"), SOON));

      Api.Reply resolved = owner.api().post("/api/v1/conversations/" + conversationId + "/resolve", "");
      assertEquals(200, resolved.status(), resolved::toString);
      assertEquals("resolved", visitor.await(ofType("conversation.status"), SOON).getString("status"));
      // Updates reach a client in the order they were published: the note went out before the
      // reply and the status, so had it leaked, it would be in the visitor's history by now.
      // (await skips what it does not want, so the history is what tells.)
      assertFalse(visitor.history().toString().contains("internal only"), () -> "visitor saw " + visitor.history());
    }
  }

  @Test
  void anotherOrganizationsAgentHearsNothing() throws Exception {
    Organizations.Owner other = Organizations.signUp("Eavesdropper Co");
    String token = widget.session("");
    try (LiveClient eavesdropper = LiveClient.connect("/realtime/v1/agent", auth(other.token()));
         LiveClient agent = LiveClient.connect("/realtime/v1/agent", auth(owner.token()))) {
      eavesdropper.await(ofType("ready"), SOON);
      agent.await(ofType("ready"), SOON);

      Widget.send(token, "for Live Co only");

      agent.await(messageWithText("for Live Co only"), SOON);
      // Both are clients of this server's one listener, which had the update in hand for the agent.
      assertFalse(eavesdropper.receives(ofType("message"), Duration.ofSeconds(1)));
      assertEquals(List.of("ready"), eavesdropper.history().stream().map(message -> message.getString("type", "")).toList(),
          () -> "the other organization's agent heard " + eavesdropper.history());
    }
  }

  @Test
  void aReconnectingVisitorCatchesUpFromItsLastSeenMessage() throws Exception {
    String token = widget.session("");
    String first = Widget.send(token, "first").string("id");
    String conversationId = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    owner.api().post("/api/v1/conversations/" + conversationId + "/messages", "{\"text\": \"missed while offline\"}");

    JsonObject resume = Json.createObjectBuilder().add("type", "auth").add("token", token).add("after", first).build();
    try (LiveClient visitor = LiveClient.connect("/realtime/v1/widget", resume)) {
      visitor.await(ofType("ready"), SOON);
      assertEquals("missed while offline", visitor.await(ofType("message"), SOON).getJsonObject("message").getString("text"));
    }
  }

  @Test
  void refusesAConnectionThatDoesNotAuthenticate() throws Exception {
    try (LiveClient stranger = LiveClient.connect("/realtime/v1/widget", auth("cvs_forged"))) {
      assertEquals("session_invalid", stranger.await(ofType("error"), SOON).getString("code"));
      assertTrue(stranger.closeReason(SOON).startsWith("1008"));
    }
    try (LiveClient stranger = LiveClient.connect("/realtime/v1/agent", auth("eyJhbGciOiJub25lIn0.e30."))) {
      assertEquals("token_invalid", stranger.await(ofType("error"), SOON).getString("code"));
    }
  }
}
