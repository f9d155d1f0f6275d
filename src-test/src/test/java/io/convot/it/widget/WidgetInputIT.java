package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertValidationError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input to the widget API is a clear 4xx problem and stores nothing. */
class WidgetInputIT {

  private final Organizations.Owner owner = Organizations.signUp("Careful Co");
  private final Widget widget = new Widget(Widget.createApp(owner.api(), "Careful", false).getString("app_key"));
  private final String token = widget.session("\"user\": {\"email\": \"ann@shop.test\"}");

  private long messagesOfThisApp() {
    return Database.count("SELECT count(*) FROM messages m JOIN apps a ON a.id = m.app_id WHERE a.app_key = ?", widget.appKey());
  }

  @Test
  void refusesEmptyAndOversizedTextAndStoresNothing() {
    assertValidationError(Widget.send(token, ""), "text");
    assertValidationError(Widget.send(token, "   "), "text");
    assertValidationError(Widget.send(token, "x".repeat(10_001)), "text");
    assertEquals(0, messagesOfThisApp());
    assertEquals(0, Database.count("SELECT count(*) FROM conversations c JOIN apps a ON a.id = c.app_id WHERE a.app_key = ?", widget.appKey()));

    assertEquals(201, Widget.send(token, "x".repeat(10_000)).status());
    assertEquals(1, messagesOfThisApp());
  }

  @Test
  void refusesFieldsOfTheWrongTypeAndUnknownFields() {
    Api api = Widget.client(token);
    assertValidationError(api.post("/widget/v1/messages", "{\"text\": 42}"), "text");
    assertValidationError(api.post("/widget/v1/messages", "{\"text\": \"hi\", \"priority\": 1}"), "priority");
    assertValidationError(api.patch("/widget/v1/session", "{\"data\": {\"plan\": {\"nested\": true}}}"), "data.plan");
    assertValidationError(api.patch("/widget/v1/session", "{\"segments\": \"vip\"}"), "segments");
    assertValidationError(api.patch("/widget/v1/session", "{\"user\": {\"email\": \"not an email\"}}"), "user.email");
    assertValidationError(api.post("/widget/v1/events", "{\"name\": \"\", \"color\": \"teal\"}"), "color");
    assertProblem(api.post("/widget/v1/messages", "{\"text\": "), 400, "malformed_request");

    assertEquals(0, messagesOfThisApp());
    JsonObject contact = owner.api().get("/api/v1/contacts?app_id=" + appId()).json().getJsonArray("data").getJsonObject(0);
    assertEquals(0, contact.getJsonObject("data").size());
    assertEquals(0, Database.count("SELECT count(*) FROM contact_events WHERE contact_id = ?::uuid", contact.getString("id")));
  }

  @Test
  void refusesASessionTokenOfAnotherApp() {
    Widget other = new Widget(Widget.createApp(owner.api(), "Other app", false).getString("app_key"));
    long sessions = Database.count("SELECT count(*) FROM widget_sessions");

    assertProblem(other.start("\"user\": {\"email\": \"ann@shop.test\"}", token), 401, "session_invalid");
    assertProblem(Widget.client(token).get("/widget/v1/messages?app_id=" + other.appKey()), 401, "session_invalid");
    assertProblem(Widget.client(token).post("/widget/v1/messages?app_id=" + other.appKey(), "{\"text\": \"hi\"}"), 401, "session_invalid");

    assertEquals(sessions, Database.count("SELECT count(*) FROM widget_sessions"));
    assertEquals(0, messagesOfThisApp());
  }

  @Test
  void refusesMissingForgedAndMemberTokens() {
    assertProblem(Widget.client(null).get("/widget/v1/messages"), 401, "session_invalid");
    assertProblem(Widget.client("cvs_" + UUID.randomUUID()).get("/widget/v1/messages"), 401, "session_invalid");
    assertProblem(Widget.client(owner.token()).get("/widget/v1/messages"), 401, "session_invalid");
  }

  @Test
  void refusesAnUnknownAppAndAForeignOrigin() {
    assertProblem(new Widget("app_doesnotexist").start(""), 404, "unknown_app");
    assertProblem(Api.anonymous().get("/widget/v1/config?app_id=app_doesnotexist"), 404, "unknown_app");

    Api.Reply foreign = Api.anonymous().header("Origin", "https://evil.example").get("/widget/v1/config?app_id=" + widget.appKey());
    assertProblem(foreign, 403, "origin_not_allowed");
    assertNull(foreign.header("Access-Control-Allow-Origin"));
    assertProblem(Api.withToken(token).header("Origin", "https://evil.example").get("/widget/v1/messages"), 403, "origin_not_allowed");
  }

  @Test
  void answersAllowedOriginsWithCorsForExactlyThatOrigin() {
    Api.Reply shop = Api.anonymous().header("Origin", "https://cool-store.myshopify.com").get("/widget/v1/config?app_id=" + widget.appKey());
    assertEquals(200, shop.status(), shop::toString);
    assertEquals("https://cool-store.myshopify.com", shop.header("Access-Control-Allow-Origin"));
    assertEquals("Careful", shop.string("name"));

    Api.Reply lookalike = Api.anonymous().header("Origin", "https://myshopify.com.evil.example").get("/widget/v1/config?app_id=" + widget.appKey());
    assertProblem(lookalike, 403, "origin_not_allowed");
  }

  @Test
  void limitsRequestsPerSessionWithRetryAfter() {
    Api.Reply last = null;
    // Limits count per minute: twice the limit and one more reaches it even if a minute turns meanwhile.
    for (int i = 0; i < 2 * 120 + 1 && (last == null || last.status() != 429); i++) {
      last = Widget.messages(token);
    }
    assertProblem(last, 429, "rate_limited");
    assertNotNull(last.header("Retry-After"));
    assertEquals("0", last.header("RateLimit-Remaining"));
    // Another visitor of the same app is not held back.
    assertEquals(200, Widget.messages(widget.session("")).status());
  }

  private String appId() {
    return Database.single("SELECT id::text FROM apps WHERE app_key = ?", widget.appKey()).toString();
  }
}
