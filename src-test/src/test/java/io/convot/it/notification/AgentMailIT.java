package io.convot.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.LiveClient;
import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Members who are away are mailed about conversations (through a real SMTP server), as their
 * preferences say: a new conversation to everyone who wants it, a visitor's message to the
 * assignee; never to a member with the dashboard open, never when they read it before the delay
 * (2 s on the test server), never a private note; one mail per conversation per interval (8 s on the
 * test server, 10 minutes by default), the next listing every message since, oldest first.
 */
class AgentMailIT {

  private static final Duration SOON = Duration.ofSeconds(30);
  /** Longer than the delay and a mail's way through the broker and SMTP: what would come has come. */
  private static final Duration QUIET = Duration.ofSeconds(4);
  private static final String DASHBOARD = "https://convot.test/app/";

  private final MailServer mailServer = MailServer.start();
  private final Organizations.Owner owner = Organizations.signUp("Mail Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Order Sync", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  @AfterEach
  void stop() {
    mailServer.close();
  }

  @Test
  void newConversationMailsAwayMembersWhoWantItAndNobodyElse() throws Exception {
    Team.Joined wantsNothing = Team.join(owner, "agent");
    assertEquals(200, wantsNothing.api().patch("/api/v1/me/notifications", "{\"new_conversation\": \"none\"}").status());
    Team.Joined online = Team.join(owner, "agent");
    Team.Joined away = Team.join(owner, "admin");
    Organizations.Owner otherOrganization = Organizations.signUp("Bystander Co");
    try (LiveClient dashboard = LiveClient.connect("/realtime/v1/agent", auth(online.token()))) {
      dashboard.await(LiveClient.ofType("ready"), SOON);

      String visitor = visitor("Ann", "ann@shop.test");
      String conversation = Widget.send(visitor, "<b>Refund</b> & @everyone <script>alert(1)</script>").json().getString("conversation_id");

      MailServer.Mail mail = mailServer.await(owner.email(), 1, SOON).get(0);
      mailServer.await(away.email(), 1, SOON);
      assertNothingMore(List.of(owner.email(), away.email()), 1, List.of(wantsNothing.email(), online.email(), otherOrganization.email()));

      assertEquals("New conversation from Ann · Order Sync", mail.subject());
      assertTrue(mail.text().contains("Ann started a conversation in Order Sync:"), mail.text());
      assertTrue(mail.text().contains("<b>Refund</b> & @everyone <script>alert(1)</script>"), mail.text());
      assertTrue(mail.text().contains(DASHBOARD + "#/inbox/open/" + conversation), mail.text());
      assertNotNull(mail.html());
      assertTrue(mail.html().contains("&lt;b&gt;Refund&lt;/b&gt; &amp; @everyone &lt;script&gt;alert(1)&lt;/script&gt;"), mail.html());
      assertFalse(mail.html().contains("<script>"), mail.html());
      assertFalse(mail.html().contains("<b>Refund"), mail.html());
      assertTrue(mail.html().contains("href=\"" + DASHBOARD + "#/inbox/open/" + conversation + "\""), mail.html());
      assertTrue(mail.raw().contains("List-Unsubscribe: <" + DASHBOARD + "#/settings/notifications>"), mail.raw());
    }
  }

  @Test
  void readingBeforeTheDelaySendsNothingAndTheNextMailListsOnlyWhatWasNotRead() {
    String visitor = visitor("Bea", "bea@shop.test");
    String conversation = Widget.send(visitor, "first question").json().getString("conversation_id");
    assertEquals(204, owner.api().post("/api/v1/conversations/" + conversation + "/read", "").status());
    assertNothingMore(List.of(), 0, List.of(owner.email()));

    Widget.send(visitor, "second question");
    owner.api().post("/api/v1/conversations/" + conversation + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}");
    Widget.send(visitor, "third question");
    MailServer.Mail mail = mailServer.await(owner.email(), 1, SOON).get(0);
    assertEquals("2 new messages from Bea · Order Sync", mail.subject());
    assertFalse(mail.text().contains("first question"), mail.text());
    assertTrue(mail.text().indexOf("second question") < mail.text().indexOf("third question"), mail.text());
  }

  @Test
  void messagesGoToTheAssigneeWithoutNotesAndAreGroupedPerInterval() {
    Team.Joined assignee = Team.join(owner, "agent");
    Team.Joined colleague = Team.join(owner, "agent");
    String visitor = visitor("Cy", "cy@shop.test");
    String conversation = Widget.send(visitor, "hello there").json().getString("conversation_id");
    mailServer.await(assignee.email(), 1, SOON);
    mailServer.await(colleague.email(), 1, SOON);
    mailServer.await(owner.email(), 1, SOON);
    long firstMailSeen = System.nanoTime();

    assertEquals(200, owner.api().post("/api/v1/conversations/" + conversation + "/assign", "{\"member_id\": \"" + assignee.memberId() + "\"}").status());
    assertEquals(201, owner.api().post("/api/v1/conversations/" + conversation + "/messages",
        "{\"text\": \"NOTE: big account, refund quietly\", \"private\": true}").status());
    assertEquals(201, owner.api().post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"Looking into it\"}").status());
    Widget.send(visitor, "still there?");
    Widget.send(visitor, "hello??");

    // The assignee was mailed moments ago: nothing more until 8 s after that mail.
    long until = firstMailSeen + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until) {
      assertEquals(1, mailServer.to(assignee.email()).size(), "a second mail came within the interval");
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    MailServer.Mail grouped = mailServer.await(assignee.email(), 2, SOON).get(1);
    assertEquals("2 new messages from Cy · Order Sync", grouped.subject());
    String text = grouped.text();
    assertFalse(text.contains("NOTE"), text);
    assertFalse(grouped.raw().contains("refund quietly"), grouped.raw());
    assertFalse(text.contains("hello there"), "a message already mailed is listed again: " + text);
    int reply = text.indexOf("Looking into it");
    int first = text.indexOf("still there?");
    int second = text.indexOf("hello??");
    assertTrue(reply >= 0 && reply < first && first < second, "not every message, or not oldest first: " + text);
    assertTrue(text.contains("Cy, "), text);
    assertTrue(text.matches("(?s).*Cy, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC:.*"), text);

    // Assigned to someone else: the others' default (assigned) tells them nothing more.
    assertNothingMore(List.of(assignee.email(), owner.email(), colleague.email()), -1, List.of());
    assertEquals(1, mailServer.to(colleague.email()).size());
    assertEquals(1, mailServer.to(owner.email()).size());
  }

  @Test
  void allUnassignedTellsAboutMessagesInUnassignedConversations() {
    Team.Joined triage = Team.join(owner, "agent");
    assertEquals(200, triage.api().patch("/api/v1/me/notifications", "{\"new_conversation\": \"none\", \"new_message\": \"all_unassigned\"}").status());
    assertEquals(200, owner.api().patch("/api/v1/me/notifications", "{\"new_conversation\": \"none\"}").status());
    String visitor = visitor("Dee", "dee@shop.test");
    Widget.send(visitor, "anyone?");
    MailServer.Mail mail = mailServer.await(triage.email(), 1, SOON).get(0);
    assertEquals("New message from Dee · Order Sync", mail.subject());
    assertNothingMore(List.of(triage.email()), 1, List.of(owner.email()));
  }

  @Test
  void preferencesAreTheMembersOwnAndCheckedField() {
    JsonObject defaults = owner.api().get("/api/v1/me/notifications").json();
    assertEquals("all", defaults.getString("new_conversation"));
    assertEquals("assigned", defaults.getString("new_message"));
    assertTrue(defaults.isNull("updated_at"));

    JsonObject changed = owner.api().patch("/api/v1/me/notifications", "{\"new_message\": \"all_unassigned\"}").json();
    assertEquals("all", changed.getString("new_conversation"));
    assertEquals("all_unassigned", changed.getString("new_message"));
    assertEquals(changed, owner.api().get("/api/v1/me/notifications").json());

    Api.Reply bad = owner.api().patch("/api/v1/me/notifications", "{\"new_conversation\": \"some\", \"new_message\": \"everything\"}");
    assertEquals(422, bad.status(), bad::toString);
    assertTrue(bad.body().contains("\"new_conversation\"") && bad.body().contains("\"new_message\""), bad::toString);
    assertEquals(422, owner.api().patch("/api/v1/me/notifications", "{\"new_conversation\": null}").status());
    assertEquals(422, owner.api().patch("/api/v1/me/notifications", "{\"email\": \"all\"}").status());
    assertEquals("all_unassigned", owner.api().get("/api/v1/me/notifications").json().getString("new_message"));

    Team.Joined agent = Team.join(owner, "agent");
    assertEquals("assigned", agent.api().get("/api/v1/me/notifications").json().getString("new_message"), "preferences are per member");

    String key = owner.api().post("/api/v1/api-keys", "{\"name\": \"ci\"}").json().getString("key");
    Api.Reply withKey = Api.withToken(key).get("/api/v1/me/notifications");
    assertEquals(403, withKey.status(), withKey::toString);
    assertTrue(withKey.body().contains("sign_in_required"), withKey::toString);
  }

  private String visitor(String nickname, String email) {
    String token = widget.session("");
    Api.Reply identified = Widget.client(token).patch("/widget/v1/session",
        Json.createObjectBuilder().add("user", Json.createObjectBuilder().add("email", email).add("nickname", nickname)).build().toString());
    assertEquals(200, identified.status(), identified::toString);
    return token;
  }

  /**
   * Waits {@link #QUIET} and checks all along that {@code mailed} keep exactly {@code count} mails
   * each (any number when negative) and {@code nobody} get none.
   */
  private void assertNothingMore(List<String> mailed, int count, List<String> nobody) {
    long deadline = System.nanoTime() + QUIET.toNanos();
    while (System.nanoTime() < deadline) {
      if (count >= 0) {
        for (String address : mailed) {
          assertEquals(count, mailServer.to(address).size(), () -> "mails to " + address);
        }
      }
      for (String address : nobody) {
        assertEquals(List.of(), mailServer.to(address), () -> address + " got mail");
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }
}
