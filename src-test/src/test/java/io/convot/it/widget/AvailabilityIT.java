package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An app is available when its office hours are open and a member has the dashboard open and is
 * not set away. Presence is kept in the database (every server sees it); the app's open widgets
 * hear every change live ({@code {"type":"availability"}}), and another organization's widgets hear
 * nothing of it.
 */
class AvailabilityIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  private final Organizations.Owner owner = Organizations.signUp("Presence Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Presence", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  private static JsonObject auth(String token) {
    return Json.createObjectBuilder().add("type", "auth").add("token", token).build();
  }

  private static Predicate<JsonObject> availability(boolean available) {
    return frame -> "availability".equals(frame.getString("type", null)) && frame.getBoolean("available") == available;
  }

  private boolean available(Widget of) {
    Api.Reply reply = Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + of.appKey());
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getBoolean("available");
  }

  private void eventuallyAvailable(boolean expected) {
    Eventually.await(() -> available(widget), value -> value == expected, SOON, "the app's availability to become " + expected);
  }

  private Api.Reply setAvailability(Api api, String value) {
    return api.patch("/api/v1/me", "{\"availability\": \"" + value + "\"}");
  }

  @Test
  void theAppIsAvailableWhileAnAvailableMemberHasTheDashboardOpenAndWidgetsHearItLive() throws Exception {
    assertFalse(available(widget), "no member online: not available");
    String visitorToken = widget.session("");
    try (LiveClient visitor = LiveClient.connect("/realtime/v1/widget", auth(visitorToken))) {
      visitor.await(LiveClient.ofType("ready"), SOON);

      LiveClient dashboard = LiveClient.connect("/realtime/v1/agent", auth(owner.token()));
      dashboard.await(LiveClient.ofType("ready"), SOON);
      visitor.await(availability(true), SOON);
      assertTrue(available(widget));

      Api.Reply away = setAvailability(owner.api(), "away");
      assertEquals(200, away.status(), away::toString);
      assertEquals("away", away.json().getJsonObject("member").getString("availability"));
      visitor.await(availability(false), SOON);
      assertFalse(available(widget));

      assertEquals(200, setAvailability(owner.api(), "available").status());
      visitor.await(availability(true), SOON);
      assertTrue(available(widget));

      dashboard.close();
      visitor.await(availability(false), SOON);
      assertFalse(available(widget), "the only dashboard closed");
    }
  }

  @Test
  void anyAvailableMemberIsEnoughAndOfficeHoursStillCount() throws Exception {
    Team.Joined agent = Team.join(owner, "agent");
    try (LiveClient ownerDashboard = LiveClient.connect("/realtime/v1/agent", auth(owner.token()));
         LiveClient agentDashboard = LiveClient.connect("/realtime/v1/agent", auth(agent.token()))) {
      ownerDashboard.await(LiveClient.ofType("ready"), SOON);
      agentDashboard.await(LiveClient.ofType("ready"), SOON);
      eventuallyAvailable(true);
      assertEquals(200, setAvailability(owner.api(), "away").status());
      assertTrue(available(widget), "the agent is still available");
      assertEquals(200, setAvailability(agent.api(), "away").status());
      assertFalse(available(widget));
      assertEquals(200, setAvailability(agent.api(), "available").status());
      assertTrue(available(widget));

      assertEquals(200, owner.api().patch("/api/v1/apps/" + app.getString("id"),
          "{\"office_hours\": {\"timezone\": \"UTC\", \"days\": {}}}").status());
      assertFalse(available(widget), "office hours closed: not available, whoever is online");
    }
  }

  @Test
  void anotherOrganizationsWidgetsHearNothingAndItsAppsStayUnavailable() throws Exception {
    Organizations.Owner other = Organizations.signUp("Elsewhere Co");
    Widget otherWidget = new Widget(Widget.createApp(other.api(), "Elsewhere", false).getString("app_key"));
    String otherVisitor = otherWidget.session("");
    try (LiveClient visitor = LiveClient.connect("/realtime/v1/widget", auth(otherVisitor))) {
      visitor.await(LiveClient.ofType("ready"), SOON);
      try (LiveClient dashboard = LiveClient.connect("/realtime/v1/agent", auth(owner.token()))) {
        dashboard.await(LiveClient.ofType("ready"), SOON);
        eventuallyAvailable(true);
        assertEquals(200, setAvailability(owner.api(), "away").status());
        assertEquals(200, setAvailability(owner.api(), "available").status());
        eventuallyAvailable(true);
        Thread.sleep(2000); // what would reach the other organization has had time to arrive
      }
      assertFalse(available(otherWidget));
      List<String> heard = visitor.history().stream().map(frame -> frame.getString("type", "")).toList();
      assertEquals(List.of("ready"), heard, () -> "the other organization's visitor heard " + visitor.history());
    }
  }

  @Test
  void aPresenceWhoseServerStoppedRefreshingItStopsCounting() throws Exception {
    // A row as a server that died would leave it: never refreshed again.
    try (LiveClient dashboard = LiveClient.connect("/realtime/v1/agent", auth(owner.token()))) {
      dashboard.await(LiveClient.ofType("ready"), SOON);
      eventuallyAvailable(true);
    }
    eventuallyAvailable(false);
    Database.update("INSERT INTO member_presence (connection_id, organization_id, member_id, connected_at, seen_at)"
        + " VALUES (gen_random_uuid(), ?::uuid, ?::uuid, now() - interval '10 minutes', now() - interval '10 minutes')",
        owner.organizationId(), owner.memberId());
    assertFalse(available(widget), "a presence older than the timeout does not count");
    Eventually.await(() -> Database.count("SELECT count(*) FROM member_presence WHERE organization_id = ?::uuid", owner.organizationId()),
        count -> count == 0, Duration.ofSeconds(60), "the stale presence to be pruned");
  }

  @Test
  void availabilityIsAvailableOrAwayAndOnlyAMembersOwn() {
    assertValidationError(setAvailability(owner.api(), "busy"), "availability");
    assertValidationError(owner.api().patch("/api/v1/me", "{\"availability\": null}"), "availability");
    assertValidationError(owner.api().patch("/api/v1/me", "{\"status\": \"away\"}"), "status");
    assertEquals("available", owner.api().get("/api/v1/me").json().getJsonObject("member").getString("availability"));

    String key = owner.api().post("/api/v1/api-keys", "{\"name\": \"Integration\"}").json().getString("key");
    assertProblem(setAvailability(Api.withToken(key), "away"), 403, "sign_in_required");
    assertEquals(200, setAvailability(owner.api(), "away").status());
    assertEquals("away", owner.api().get("/api/v1/me").json().getJsonObject("member").getString("availability"));
  }
}
