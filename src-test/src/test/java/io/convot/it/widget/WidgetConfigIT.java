package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import io.convot.it.support.LiveClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embed's configuration: the app's name and theme, and whether the team is in office now (with a
 * member online: each test keeps the owner's dashboard open, see {@code AvailabilityIT} for the rest).
 */
class WidgetConfigIT {

  private static final String EVERY_DAY_ALL_DAY = """
      {"timezone": "Pacific/Auckland", "days": {"mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]],
       "wed": [["00:00", "24:00"]], "thu": [["00:00", "24:00"]], "fri": [["00:00", "24:00"]],
       "sat": [["00:00", "24:00"]], "sun": [["00:00", "24:00"]]}}""";

  private final Organizations.Owner owner = Organizations.signUp("Office Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Office", false);

  private LiveClient dashboard;

  @BeforeEach
  void openTheDashboard() throws InterruptedException {
    dashboard = LiveClient.connect("/realtime/v1/agent",
        Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build());
    dashboard.await(LiveClient.ofType("ready"), Duration.ofSeconds(15));
  }

  @AfterEach
  void closeTheDashboard() {
    dashboard.close();
  }

  private JsonObject config() {
    Api.Reply reply = Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + app.getString("app_key"));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private Api.Reply update(String json) {
    return owner.api().patch("/api/v1/apps/" + app.getString("id"), json);
  }

  @Test
  void anAppWithoutOfficeHoursIsAvailableWhileAMemberIsOnline() {
    JsonObject config = config();
    assertTrue(config.getBoolean("available"));
    assertEquals("Office", config.getString("name"));
    assertFalse(config.containsKey("identity_secret"));
    assertFalse(config.containsKey("allowed_origins"));
  }

  @Test
  void availabilityFollowsTheOfficeHours() {
    assertEquals(200, update("{\"office_hours\": " + EVERY_DAY_ALL_DAY + ", \"theme_color\": \"#1F6FEB\"}").status());
    assertTrue(config().getBoolean("available"));
    assertEquals("#1f6feb", config().getString("theme_color"));

    JsonObject closed = update("{\"office_hours\": {\"timezone\": \"Europe/Paris\", \"days\": {}}}").json();
    assertEquals("Europe/Paris", closed.getJsonObject("office_hours").getString("timezone"));
    assertFalse(config().getBoolean("available"));

    assertEquals(200, update("{\"office_hours\": null}").status());
    assertTrue(config().getBoolean("available"));
  }

  @Test
  void refusesUnusableOfficeHoursAndColorsAndKeepsTheSettings() {
    update("{\"theme_color\": \"#112233\"}");

    assertValidationError(update("{\"office_hours\": {\"timezone\": \"Mars/Olympus\", \"days\": {}}}"), "office_hours.timezone");
    assertValidationError(update("{\"office_hours\": {\"timezone\": \"UTC\", \"days\": {\"mon\": [[\"17:00\", \"09:00\"]]}}}"), "office_hours.days.mon");
    assertValidationError(update("{\"office_hours\": {\"timezone\": \"UTC\", \"days\": {\"someday\": []}}}"), "office_hours.days.someday");
    assertValidationError(update("{\"theme_color\": \"blue\"}"), "theme_color");

    assertEquals("#112233", config().getString("theme_color"));
    assertTrue(config().getBoolean("available"));
  }
}
