package io.convot.it.notification;

import static io.convot.it.notification.OwnerMailFixtures.SOON;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack and Discord channels, with real local HTTP servers in their place: what each receives (in
 * its own format, a visitor's markup and mentions made harmless), retries (429 after its
 * {@code Retry-After}, 5xx), a channel whose incoming webhook is gone (410) disabled with the
 * owners mailed, the URL kept sealed and never shown, bad input, roles and isolation.
 */
class NotificationChannelsIT {

  private static final String DASHBOARD = "https://convot.test/app/";
  private static final Duration QUIET = Duration.ofSeconds(3);

  private final MailServer mailServer = MailServer.start();
  private final Receiver receiver = OwnerMailFixtures.receiver();
  private final Organizations.Owner owner = OwnerMailFixtures.quiet(Organizations.signUp("Channel Co"));
  private final JsonObject app = Widget.createApp(owner.api(), "Order Sync", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  @AfterEach
  void stop() {
    receiver.close();
    mailServer.close();
  }

  @Test
  void slackGetsOnePostPerEventWithTheVisitorsTextEscaped() {
    Api.Reply created = owner.api().post("/api/v1/notification-channels",
        channel("slack", receiver.url(), List.of("conversation.created", "message.received")));
    assertEquals(201, created.status(), created::toString);
    JsonObject channel = created.json();
    assertFalse(created.body().contains(receiver.url()), "the URL is a credential and came back: " + created.body());
    assertFalse(channel.containsKey("url"));
    assertEquals(receiver.url().substring(0, receiver.url().indexOf("/hooks")) + "/…ooks", channel.getString("url_hint"));
    Object stored = Database.single("SELECT url FROM notification_channels WHERE id = ?", UUID.fromString(channel.getString("id")));
    assertFalse(stored.toString().contains("127.0.0.1"), "the URL is stored in the clear: " + stored);

    String visitor = visitor("Ann <ann@evil.test>");
    String conversation = Widget.send(visitor, "<b>hi</b> & <!everyone> <@U123> @everyone").json().getString("conversation_id");

    Receiver.Request first = receiver.await(r -> true, 1, SOON).get(0);
    JsonObject post = first.json();
    String text = post.getString("text");
    assertTrue(text.startsWith("New conversation from Ann &lt;ann@evil.test&gt; in Order Sync: "), text);
    assertTrue(text.endsWith("&lt;b&gt;hi&lt;/b&gt; &amp; &lt;!everyone&gt; &lt;@U123&gt; @everyone"), text);
    assertFalse(first.body().contains("<!everyone>") || first.body().contains("<@U123>") || first.body().contains("<b>"), first.body());
    List<JsonObject> blocks = post.getJsonArray("blocks").getValuesAs(JsonObject.class);
    assertEquals(List.of("section", "section", "context"), blocks.stream().map(b -> b.getString("type")).toList());
    assertEquals("> &lt;b&gt;hi&lt;/b&gt; &amp; &lt;!everyone&gt; &lt;@U123&gt; @everyone", blocks.get(1).getJsonObject("text").getString("text"));
    assertTrue(blocks.get(0).getJsonObject("text").getBoolean("verbatim"));
    String context = blocks.get(2).getJsonArray("elements").getJsonObject(0).getString("text");
    assertEquals("Order Sync · <" + DASHBOARD + "#/inbox/open/" + conversation + "|Open in Convot>", context);
    assertEquals("Convot-Notifications", first.header("User-Agent"));
    assertTrue(first.header("Content-Type").startsWith("application/json"), first.header("Content-Type"));

    Widget.send(visitor, "second & last");
    owner.api().post("/api/v1/conversations/" + conversation + "/resolve", "");
    List<Receiver.Request> both = receiver.await(r -> true, 2, SOON);
    assertTrue(both.get(1).json().getString("text").startsWith("New message from Ann &lt;ann@evil.test&gt; in Order Sync: second &amp; last"),
        both.get(1).body());
    assertRequestsStay(2);
  }

  @Test
  void discordMentionsNobodyAndShowsMarkdownAsTyped() {
    String id = create("discord", receiver.url(), List.of("conversation.created", "conversation.assigned", "conversation.resolved"));
    String visitor = visitor("Bo");
    String conversation = Widget.send(visitor, "@everyone **free** <@123> [click](https://evil.test) @here").json().getString("conversation_id");
    assertEquals(200, owner.api().post("/api/v1/conversations/" + conversation + "/assign",
        "{\"member_id\": \"" + owner.memberId() + "\"}").status());
    assertEquals(200, owner.api().post("/api/v1/conversations/" + conversation + "/resolve", "").status());

    List<JsonObject> posts = receiver.await(r -> true, 3, SOON).stream().map(Receiver.Request::json).toList();
    for (JsonObject post : posts) {
      assertEquals(Json.createObjectBuilder().add("parse", Json.createArrayBuilder()).build(), post.getJsonObject("allowed_mentions"), post::toString);
      JsonObject embed = post.getJsonArray("embeds").getJsonObject(0);
      assertEquals(DASHBOARD + "#/inbox/open/" + conversation, embed.getString("url"));
      assertEquals("Order Sync", embed.getJsonObject("footer").getString("text"));
    }
    assertEquals("New conversation from **Bo** in **Order Sync**", posts.get(0).getString("content"));
    assertEquals("@everyone \\*\\*free\\*\\* \\<@123\\> \\[click\\]\\(https\\://evil.test\\) @here",
        posts.get(0).getJsonArray("embeds").getJsonObject(0).getString("description"));
    assertTrue(posts.get(1).getString("content").startsWith("The conversation with **Bo** in **Order Sync** is assigned to **"), posts.get(1)::toString);
    assertEquals("The conversation with **Bo** in **Order Sync** is resolved", posts.get(2).getString("content"));
    assertFalse(posts.get(1).getJsonArray("embeds").getJsonObject(0).containsKey("description"));
    assertEquals(3, receiver.requests().size());
    assertEquals("delivered (200)", owner.api().get("/api/v1/notification-channels/" + id).json().getString("last_status"));
  }

  @Test
  void goneChannelIsDisabledAndItsOwnersAreMailedOnce() {
    String secondOwner = OwnerMailFixtures.activeMember(owner, "owner");
    String admin = OwnerMailFixtures.activeMember(owner, "admin");
    receiver.otherwise(Answer.of(410));
    String id = create("slack", receiver.url(), List.of("conversation.created", "message.received"));
    String visitor = visitor("Cal");
    Widget.send(visitor, "hello");

    JsonObject disabled = Eventually.await(() -> owner.api().get("/api/v1/notification-channels/" + id).json(),
        c -> !c.getBoolean("active"), SOON, "the channel disabled");
    assertTrue(disabled.getString("disabled_reason").startsWith("410 Gone"), disabled::toString);
    MailServer.Mail mail = mailServer.await(owner.email(), 1, SOON).get(0);
    mailServer.await(secondOwner, 1, SOON);
    assertEquals("Slack channel disabled: " + disabled.getString("url_hint"), mail.subject());
    assertTrue(mail.text().contains("Channel Co") && mail.text().contains(id) && mail.text().contains("410 Gone"), mail.text());
    assertTrue(mail.text().contains(DASHBOARD + "#/settings/channels"), mail.text());
    assertFalse(mail.raw().contains(receiver.url()), "the channel's URL is in the mail");

    Widget.send(visitor, "anyone?");
    long deadline = System.nanoTime() + QUIET.toNanos();
    while (System.nanoTime() < deadline) {
      assertEquals(1, receiver.requests().size(), "a disabled channel was posted to");
      assertEquals(1, mailServer.to(owner.email()).size());
      assertEquals(1, mailServer.to(secondOwner).size());
      assertEquals(List.of(), mailServer.to(admin));
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    assertProblem(owner.api().post("/api/v1/notification-channels/" + id + "/test", ""), 409, "conflict");

    receiver.otherwise(Answer.of(200));
    JsonObject again = owner.api().patch("/api/v1/notification-channels/" + id, "{\"url\": \"" + receiver.url() + "\"}").json();
    assertTrue(again.getBoolean("active"), again::toString);
    assertEquals(202, owner.api().post("/api/v1/notification-channels/" + id + "/test", "").status());
    assertTrue(receiver.await(r -> true, 2, SOON).get(1).json().getString("text").startsWith("Convot test message"));
  }

  @Test
  void tooManyRequestsIsTriedAgainNoSoonerThanRetryAfterAndServerErrorsToo() {
    receiver.answer(new Answer(429, Map.of("Retry-After", "3"), "{\"retry_after\": 3}"), Answer.of(503));
    String id = create("discord", receiver.url(), List.of("message.received"));
    assertEquals(202, owner.api().post("/api/v1/notification-channels/" + id + "/test", "").status());

    List<Receiver.Request> tries = receiver.await(r -> true, 3, SOON);
    Duration waited = Duration.between(tries.get(0).arrivedAt(), tries.get(1).arrivedAt());
    assertTrue(waited.compareTo(Duration.ofSeconds(3)) >= 0, "tried again after " + waited);
    assertEquals(tries.get(0).body(), tries.get(2).body());
    assertEquals("delivered (200)", Eventually.await(() -> owner.api().get("/api/v1/notification-channels/" + id).json().getString("last_status"),
        "delivered (200)"::equals, SOON, "the post delivered"));
    assertRequestsStay(3);
  }

  @Test
  void channelsAreManagedByOwnersAndAdminsWithEveryFieldChecked() {
    String id = create("slack", receiver.url(), List.of("message.received"));
    JsonObject changed = owner.api().patch("/api/v1/notification-channels/" + id,
        "{\"events\": [\"conversation.created\", \"conversation.resolved\"], \"app_ids\": [\"" + app.getString("id") + "\"]}").json();
    assertEquals(List.of("conversation.created", "conversation.resolved"), changed.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
    assertEquals(app.getString("id"), changed.getJsonArray("app_ids").getString(0));

    String base = "/api/v1/notification-channels";
    assertField(owner.api().post(base, channel("teams", receiver.url(), List.of("message.received"))), "kind");
    assertField(owner.api().post(base, channel("slack", receiver.url(), List.of("message.sent"))), "events[0]");
    assertField(owner.api().post(base, channel("slack", receiver.url(), List.of())), "events");
    assertField(owner.api().post(base, channel("slack", "ftp://hooks.slack.test/x", List.of("message.received"))), "url");
    assertField(owner.api().post(base, "{\"kind\": \"slack\", \"events\": [\"message.received\"]}"), "url");
    assertField(owner.api().post(base, "{\"kind\": \"slack\", \"url\": \"" + receiver.url() + "\", \"events\": [\"message.received\"],"
        + " \"app_ids\": [\"" + UUID.randomUUID() + "\"]}"), "app_ids[0]");
    assertField(owner.api().post(base, "{\"kind\": \"slack\", \"url\": \"" + receiver.url() + "\", \"events\": [\"message.received\"],"
        + " \"channel\": \"#general\"}"), "channel");
    assertField(owner.api().patch(base + "/" + id, "{\"kind\": \"discord\"}"), "kind");
    assertField(owner.api().patch(base + "/" + id, "{\"url\": null}"), "url");
    assertEquals(1, owner.api().get(base).json().getJsonArray("data").size(), "a refused channel was saved");

    Organizations.Owner other = Organizations.signUp("Other Co");
    assertProblem(other.api().get(base + "/" + id), 404, "not_found");
    assertProblem(other.api().patch(base + "/" + id, "{\"events\": [\"message.received\"]}"), 404, "not_found");
    assertProblem(other.api().post(base + "/" + id + "/test", ""), 404, "not_found");
    assertProblem(other.api().delete(base + "/" + id), 404, "not_found");
    assertEquals(0, other.api().get(base).json().getJsonArray("data").size());

    Team.Joined agent = Team.join(owner, "agent");
    assertProblem(agent.api().get(base), 403, "insufficient_role");
    assertProblem(agent.api().post(base, channel("slack", receiver.url(), List.of("message.received"))), 403, "insufficient_role");
    Team.Joined admin = Team.join(owner, "admin");
    assertEquals(200, admin.api().get(base + "/" + id).status());

    assertEquals(204, owner.api().delete(base + "/" + id).status());
    assertProblem(owner.api().get(base + "/" + id), 404, "not_found");
  }

  private String create(String kind, String url, List<String> events) {
    Api.Reply created = owner.api().post("/api/v1/notification-channels", channel(kind, url, events));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  private static String channel(String kind, String url, List<String> events) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    events.forEach(array::add);
    return Json.createObjectBuilder().add("kind", kind).add("url", url).add("events", array).build().toString();
  }

  private static void assertField(Api.Reply reply, String field) {
    JsonObject problem = assertProblem(reply, 422, "validation_failed");
    assertTrue(problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream().anyMatch(e -> field.equals(e.getString("field"))),
        () -> "no error on " + field + ": " + problem);
  }

  private String visitor(String nickname) {
    String token = widget.session("");
    Api.Reply identified = Widget.client(token).patch("/widget/v1/session",
        Json.createObjectBuilder().add("user", Json.createObjectBuilder().add("nickname", nickname)).build().toString());
    assertEquals(200, identified.status(), identified::toString);
    return token;
  }

  private void assertRequestsStay(int count) {
    long deadline = System.nanoTime() + QUIET.toNanos();
    while (System.nanoTime() < deadline) {
      assertEquals(count, receiver.requests().size(), () -> "posts: " + receiver.requests().stream().map(Receiver.Request::body).toList());
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }
}
