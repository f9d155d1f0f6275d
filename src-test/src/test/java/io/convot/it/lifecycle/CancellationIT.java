package io.convot.it.lifecycle;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an organization: owners only, with their password; then it is read-only for its members
 * (reads, export, sign-out and reactivation still work), its widgets refuse visitors, and every
 * active owner gets a mail with the deletion date and how to undo it. Reactivating undoes it all.
 */
class CancellationIT {

  private static final Duration SOON = Duration.ofSeconds(30);

  private final MailServer mailServer = MailServer.start();
  private final Organizations.Owner owner = Organizations.signUp("Leaving <Co>");

  @AfterEach
  void stop() {
    mailServer.close();
  }

  @Test
  void onlyAnOwnerWithTheRightPasswordCancels() {
    Team.Joined admin = Team.join(owner, "admin");
    String apiKey = owner.api().post("/api/v1/api-keys", "{\"name\": \"ci\"}").string("key");

    assertProblem(admin.api().post("/api/v1/organization/cancel", password(Organizations.PASSWORD)), 403, "insufficient_role");
    assertProblem(Api.withToken(apiKey).post("/api/v1/organization/cancel", password(Organizations.PASSWORD)), 403, "insufficient_role");
    assertValidationError(owner.api().post("/api/v1/organization/cancel", password("not my password")), "password");
    assertValidationError(owner.api().post("/api/v1/organization/cancel", "{}"), "password");
    assertValidationError(owner.api().post("/api/v1/organization/cancel", "{\"password\": \"x\", \"reason\": \"y\"}"), "reason");

    assertEquals("active", owner.api().get("/api/v1/organization").string("status"));
    assertEquals(201, owner.api().post("/api/v1/apps", "{\"name\": \"Still writable\"}").status());
  }

  @Test
  void wrongPasswordsAreThrottledLikePasswordChanges() {
    Api.Reply last = null;
    for (int i = 0; i < 10; i++) {
      last = owner.api().post("/api/v1/organization/cancel", password("guess " + i));
      assertEquals(422, last.status(), last::toString);
    }
    Api.Reply held = owner.api().post("/api/v1/organization/cancel", password(Organizations.PASSWORD));
    assertProblem(held, 429, "rate_limited");
    assertNotNull(held.header("Retry-After"));
    assertEquals("active", owner.api().get("/api/v1/organization").string("status"));
  }

  @Test
  void cancellingMakesTheOrganizationReadOnlyUntilReactivated() {
    JsonObject app = LifecycleFixtures.appWithConversation(owner, "Shop", "ann@shop.test", "hello");
    Widget widget = new Widget(app.getString("app_key"));
    String visitor = widget.session("");
    String conversation = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    Team.Joined agent = Team.join(owner, "agent");
    String secondOwner = Team.join(owner, "owner").email();
    Organizations.Owner bystander = Organizations.signUp("Staying Co");

    Instant before = Instant.now();
    Api.Reply cancelled = owner.api().post("/api/v1/organization/cancel", password(Organizations.PASSWORD));

    assertEquals(200, cancelled.status(), cancelled::toString);
    assertEquals("cancelled", cancelled.string("status"));
    Instant cancelledAt = Instant.parse(cancelled.string("cancelled_at"));
    Instant purgeAfter = Instant.parse(cancelled.string("purge_after"));
    assertFalse(cancelledAt.isBefore(before.minusSeconds(1)));
    assertEquals(LifecycleFixtures.ORGANIZATION_GRACE, Duration.between(cancelledAt, purgeAfter));
    assertEquals(cancelled.json(), owner.api().get("/api/v1/organization").json());

    // Reads work; changes are refused, whoever asks and whatever they change.
    assertEquals(200, owner.api().get("/api/v1/conversations/" + conversation + "/messages").status());
    assertEquals(200, agent.api().get("/api/v1/apps").status());
    assertProblem(owner.api().post("/api/v1/apps", "{\"name\": \"New\"}"), 409, "organization_cancelled");
    assertProblem(owner.api().patch("/api/v1/apps/" + app.getString("id"), "{\"name\": \"Renamed\"}"), 409, "organization_cancelled");
    assertProblem(owner.api().delete("/api/v1/apps/" + app.getString("id")), 409, "organization_cancelled");
    assertProblem(agent.api().post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"hi\"}"), 409,
        "organization_cancelled");
    assertProblem(agent.api().post("/api/v1/conversations/" + conversation + "/resolve", ""), 409, "organization_cancelled");
    assertProblem(owner.api().post("/api/v1/webhooks", "{\"url\": \"https://example.com/hook\"}"), 409, "organization_cancelled");
    assertProblem(owner.api().post("/api/v1/members", "{\"email\": \"x@example.test\", \"role\": \"agent\"}"), 409,
        "organization_cancelled");
    JsonObject refusal = owner.api().post("/api/v1/apps", "{\"name\": \"New\"}").json();
    assertTrue(refusal.getString("detail").contains("/api/v1/organization/reactivate"), refusal::toString);
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
    // Cancelling again keeps the first dates.
    assertEquals(cancelled.json(), owner.api().post("/api/v1/organization/cancel", password(Organizations.PASSWORD)).json());

    // The widget shows nothing: configuration, new sessions and existing ones are refused.
    assertProblem(Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + app.getString("app_key")), 403,
        "widget_unavailable");
    assertProblem(widget.start(""), 403, "widget_unavailable");
    assertProblem(Widget.send(visitor, "anyone?"), 403, "widget_unavailable");
    assertProblem(Widget.messages(visitor), 403, "widget_unavailable");

    // Another organization is untouched.
    assertEquals(201, bystander.api().post("/api/v1/apps", "{\"name\": \"Unaffected\"}").status());

    // Every active owner is told when the data goes and how to undo it; nobody else.
    String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(purgeAfter);
    for (String address : List.of(owner.email(), secondOwner)) {
      MailServer.Mail mail = mailServer.await(address, 1, SOON).get(0);
      assertEquals("Your Convot organization is cancelled: data deleted on " + date, mail.subject());
      assertTrue(mail.text().contains("Leaving <Co> was cancelled"), mail.text());
      assertTrue(mail.text().contains("On " + date + " every conversation"), mail.text());
      assertTrue(mail.text().contains("POST /api/v1/organization/reactivate"), mail.text());
      assertTrue(mail.html().contains("Leaving &lt;Co&gt;"), mail.html());
      assertFalse(mail.html().contains("<Co>"), mail.html());
    }
    assertEquals(List.of(), mailServer.to(agent.email()));

    // Reactivating brings everything back.
    Api.Reply reactivated = owner.api().post("/api/v1/organization/reactivate", "");
    assertEquals(200, reactivated.status(), reactivated::toString);
    assertEquals("active", reactivated.string("status"));
    assertTrue(reactivated.isNull("purge_after"));
    assertEquals(201, owner.api().post("/api/v1/apps", "{\"name\": \"New\"}").status());
    assertEquals(201, Widget.send(visitor, "back again").status());
    assertEquals(200, Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + app.getString("app_key"))
        .status());
    assertTrue(LifecycleFixtures.organizationExists(owner.organizationId()));
  }

  @Test
  void aCancelledOrganizationCanStillSignOutExportAndOnlyItsOwnersReactivate() {
    Team.Joined admin = Team.join(owner, "admin");
    assertEquals(200, owner.api().post("/api/v1/organization/cancel", password(Organizations.PASSWORD)).status());

    assertProblem(admin.api().post("/api/v1/organization/reactivate", ""), 403, "insufficient_role");
    assertEquals(202, owner.api().post("/api/v1/organization/export", "").status());
    assertEquals(204, admin.api().post("/api/v1/auth/logout", "").status());
    assertEquals(200, owner.api().post("/api/v1/organization/reactivate", "").status());
    assertEquals(200, owner.api().post("/api/v1/organization/reactivate", "").status());
  }

  private static String password(String password) {
    return "{\"password\": \"" + password + "\"}";
  }
}
