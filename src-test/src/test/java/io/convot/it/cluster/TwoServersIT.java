package io.convot.it.cluster;

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
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two Convot servers, convot-node-a and convot-node-b, on one PostgreSQL database and one external
 * Artemis broker serve one conversation together: what happens on one server reaches the live
 * clients of the other through the broker's realtime topic.
 */
class TwoServersIT {

  private static final String SERVER_A = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");
  private static final String SERVER_B = System.getProperty("convot.test.cluster.node-b-url", "http://localhost:9381");
  private static final Duration SOON = Duration.ofSeconds(10);

  static Stream<String> servers() {
    return Stream.of(SERVER_A, SERVER_B);
  }

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }

  private static String text(String text) {
    return Json.createObjectBuilder().add("text", text).build().toString();
  }

  private static Predicate<JsonObject> messageWithText(String text) {
    return message -> "message".equals(message.getString("type", null))
        && text.equals(message.getJsonObject("message").getString("text", null));
  }

  private static long count(LiveClient client, Predicate<JsonObject> wanted) {
    return client.history().stream().filter(wanted).count();
  }

  @ParameterizedTest
  @MethodSource("servers")
  void eachServerIsReadyWithTheDatabaseAndTheExternalBroker(String server) {
    Api.Reply reply = Api.anonymous().on(server).get("/health/ready");

    assertEquals(200, reply.status(), () -> server + ": " + reply);
    assertEquals("UP", reply.string("status"), () -> server + ": " + reply);
    Map<String, String> checks = reply.json().getJsonArray("checks").stream().map(check -> check.asJsonObject())
        .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    assertEquals("UP", checks.get("database"), () -> server + ": " + reply);
    assertEquals("UP", checks.get("broker"), () -> server + ": " + reply);
  }

  @Test
  void aVisitorOnServerAAndAnAgentOnServerBTalkLiveAndNotesStayWithAgents() throws Exception {
    // Signed up on A, working on B: both servers verify the same tokens against the same database.
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_A), "Two Servers Co");
    Api agentApi = owner.api().on(SERVER_B);
    Widget widget = new Widget(Widget.createApp(agentApi, "Cluster", false).getString("app_key")).on(SERVER_A);
    String session = widget.session("\"user\": {\"email\": \"ann@shop.test\"}");
    Api visitorApi = Widget.client(session).on(SERVER_A);

    try (LiveClient agentOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", auth(owner.token()));
         LiveClient agentOnA = LiveClient.connect(SERVER_A, "/realtime/v1/agent", auth(owner.token()));
         LiveClient visitorOnA = LiveClient.connect(SERVER_A, "/realtime/v1/widget", auth(session))) {
      agentOnB.await(ofType("ready"), SOON);
      agentOnA.await(ofType("ready"), SOON);
      visitorOnA.await(ofType("ready"), SOON);

      Api.Reply sent = visitorApi.post("/widget/v1/messages", text("Hello from server A"));
      assertEquals(201, sent.status(), sent::toString);
      JsonObject arrivedOnB = agentOnB.await(messageWithText("Hello from server A"), SOON);
      assertEquals(sent.string("id"), arrivedOnB.getJsonObject("message").getString("id"));
      assertEquals("visitor", arrivedOnB.getJsonObject("message").getString("from"));
      String conversationId = arrivedOnB.getJsonObject("conversation").getString("id");
      agentOnA.await(messageWithText("Hello from server A"), SOON);

      Api.Reply note = agentApi.post("/api/v1/conversations/" + conversationId + "/messages",
          "{\"text\": \"VIP customer, be nice\", \"private\": true}");
      assertEquals(201, note.status(), note::toString);
      Api.Reply reply = agentApi.post("/api/v1/conversations/" + conversationId + "/messages", text("Hello from server B"));
      assertEquals(201, reply.status(), reply::toString);

      JsonObject replyOnA = visitorOnA.await(messageWithText("Hello from server B"), SOON);
      assertEquals(reply.string("id"), replyOnA.getJsonObject("message").getString("id"));
      assertEquals("agent", replyOnA.getJsonObject("message").getString("from"));
      JsonObject noteOnB = agentOnB.await(messageWithText("VIP customer, be nice"), SOON);
      assertTrue(noteOnB.getJsonObject("message").getBoolean("private"), noteOnB::toString);
      agentOnB.await(messageWithText("Hello from server B"), SOON);
      agentOnA.await(messageWithText("VIP customer, be nice"), SOON);
      agentOnA.await(messageWithText("Hello from server B"), SOON);

      // The note was published before the reply, so server A had handled it when the reply reached its visitor.
      assertEquals(0, count(visitorOnA, messageWithText("VIP customer, be nice")), () -> "visitor saw " + visitorOnA.history());
      assertFalse(visitorOnA.history().toString().contains("VIP customer"), () -> "visitor saw " + visitorOnA.history());
      // Each server hands each update to its clients once: one subscription per server, none shared.
      assertEquals(1, count(agentOnB, messageWithText("Hello from server A")), () -> "agent saw " + agentOnB.history());
      assertEquals(1, count(agentOnA, messageWithText("Hello from server B")), () -> "agent saw " + agentOnA.history());
    }
  }

  @Test
  void aVisitorWhoseConnectionMovesToTheOtherServerCatchesUp() throws Exception {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_B), "Moving Visitor Co");
    Widget widget = new Widget(Widget.createApp(owner.api().on(SERVER_B), "Cluster", false).getString("app_key"));
    String session = widget.on(SERVER_A).session("");
    String first = Widget.client(session).on(SERVER_A).post("/widget/v1/messages", text("first, on A")).string("id");
    String conversationId = owner.api().on(SERVER_B).get("/api/v1/conversations").json()
        .getJsonArray("data").getJsonObject(0).getString("id");
    Api.Reply missed = owner.api().on(SERVER_A).post("/api/v1/conversations/" + conversationId + "/messages",
        text("sent while the visitor was away"));
    assertEquals(201, missed.status(), missed::toString);

    JsonObject resume = Json.createObjectBuilder().add("type", "auth").add("token", session).add("after", first).build();
    try (LiveClient visitorOnB = LiveClient.connect(SERVER_B, "/realtime/v1/widget", resume)) {
      visitorOnB.await(ofType("ready"), SOON);
      JsonObject caughtUp = visitorOnB.await(ofType("message"), SOON);
      assertEquals("sent while the visitor was away", caughtUp.getJsonObject("message").getString("text"));

      Api.Reply live = owner.api().on(SERVER_A).post("/api/v1/conversations/" + conversationId + "/messages",
          text("and this one live from A"));
      assertEquals(201, live.status(), live::toString);
      assertEquals(live.string("id"), visitorOnB.await(messageWithText("and this one live from A"), SOON)
          .getJsonObject("message").getString("id"));
    }
  }

  @Test
  void aDashboardWhoseConnectionMovesToTheOtherServerCatchesUpFromItsCursor() throws Exception {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_A), "Moving Dashboard Co");
    Widget widget = new Widget(Widget.createApp(owner.api().on(SERVER_A), "Cluster", false).getString("app_key")).on(SERVER_A);
    String session = widget.session("");
    Api visitorApi = Widget.client(session).on(SERVER_A);
    String cursor;
    try (LiveClient dashboardOnA = LiveClient.connect(SERVER_A, "/realtime/v1/agent", auth(owner.token()))) {
      dashboardOnA.await(ofType("ready"), SOON);
      visitorApi.post("/widget/v1/messages", text("seen on A"));
      cursor = dashboardOnA.await(messageWithText("seen on A"), SOON).getString("cursor");
    }
    String missed = visitorApi.post("/widget/v1/messages", text("written while the dashboard moved")).string("id");

    JsonObject resume = Json.createObjectBuilder(auth(owner.token())).add("after", cursor).build();
    try (LiveClient dashboardOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", resume)) {
      dashboardOnB.await(ofType("caught_up"), SOON);
      assertTrue(dashboardOnB.history().stream().anyMatch(frame -> "message".equals(frame.getString("type"))
          && missed.equals(frame.getJsonObject("message").getString("id"))), dashboardOnB.history()::toString);

      visitorApi.post("/widget/v1/messages", text("and this one live through A"));
      assertTrue(dashboardOnB.await(messageWithText("and this one live through A"), SOON).containsKey("cursor"));
    }
  }

  @Test
  void revocationsOnOneServerCloseTheConnectionsHeldByTheOther() throws Exception {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_A), "Revoked Across Co");
    String secondToken = Api.anonymous().on(SERVER_A).post("/api/v1/auth/login", Json.createObjectBuilder()
        .add("email", owner.email()).add("password", Organizations.PASSWORD).build().toString()).string("token");
    JsonObject key = owner.api().on(SERVER_A).post("/api/v1/api-keys", "{\"name\": \"Cluster bot\"}").json();

    try (LiveClient signedOutOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", auth(secondToken));
         LiveClient keyOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", auth(key.getString("key")));
         LiveClient staysOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", auth(owner.token()))) {
      signedOutOnB.await(ofType("ready"), SOON);
      keyOnB.await(ofType("ready"), SOON);
      staysOnB.await(ofType("ready"), SOON);

      assertEquals(204, Api.withToken(secondToken).on(SERVER_A).post("/api/v1/auth/logout", "").status());
      assertEquals(204, owner.api().on(SERVER_A).delete("/api/v1/api-keys/" + key.getString("id")).status());

      // Within a second of each revocation on A, through the broker's topic.
      assertEquals("1008 token_revoked", signedOutOnB.closeReason(Duration.ofSeconds(1)), signedOutOnB.history()::toString);
      assertEquals("1008 token_revoked", keyOnB.closeReason(Duration.ofSeconds(1)), keyOnB.history()::toString);
      Widget widget = new Widget(Widget.createApp(owner.api().on(SERVER_A), "Still live", false).getString("app_key")).on(SERVER_A);
      Widget.client(widget.session("")).on(SERVER_A).post("/widget/v1/messages", text("the owner still hears this"));
      staysOnB.await(messageWithText("the owner still hears this"), SOON);
    }
  }
}
