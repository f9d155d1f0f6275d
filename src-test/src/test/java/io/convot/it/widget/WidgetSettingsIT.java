package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static io.convot.it.support.ProblemAssert.fieldsInError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An app's widget settings through the API and as the widget reads them: every setting stored and
 * served with its defaults, a change merging into what is there, the contrast rule, bad values
 * refused without changing anything, the countries filter from the proxy's header, and another
 * organization's app out of reach.
 */
class WidgetSettingsIT {

  private final Organizations.Owner owner = Organizations.signUp("Settings Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Settings", false);

  private Api.Reply update(String json) {
    return owner.api().patch("/api/v1/apps/" + app.getString("id"), json);
  }

  private JsonObject stored() {
    Api.Reply reply = owner.api().get("/api/v1/apps/" + app.getString("id"));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private Api.Reply config(String country) {
    Api api = Api.anonymous().header("Origin", Widget.HOST_ORIGIN);
    if (country != null) {
      api = api.header("CF-IPCountry", country);
    }
    return api.get("/widget/v1/config?app_id=" + app.getString("app_key"));
  }

  @Test
  void aNewAppHasEveryDefaultSettingAndTheWidgetReadsThem() {
    JsonObject widget = stored().getJsonObject("widget");
    assertEquals("right", widget.getString("position"));
    assertEquals(16, widget.getInt("offset_x"));
    assertEquals("off", widget.getString("collect_email"));
    assertEquals("system", widget.getString("font"));
    assertTrue(widget.isNull("theme_text_color"));
    assertEquals(List.of(), widget.getJsonArray("countries"));
    assertEquals(List.of(), stored().getJsonArray("qualification_questions"));
    assertEquals("start_chat", stored().getJsonObject("qualification_rule").getString("when_unqualified"));
    JsonObject config = config(null).json();
    assertEquals(widget, config.getJsonObject("widget"));
    assertTrue(config.getBoolean("shown"));
  }

  @Test
  void everySettingIsStoredAndAChangeMergesIntoTheOthers() {
    Api.Reply reply = update("""
        {"theme_color": "#0B6E4F", "widget": {
          "launcher_label": {"en": "Chat with us", "fr": "Discutons"}, "welcome_text": {"en": "Hi <b>there</b>"},
          "default_locale": "fr", "position": "left", "offset_x": 40, "offset_y": 24, "theme_text_color": "#FFFFFF",
          "launcher_color": "#7c3aed", "font": "georgia", "corner_radius": 4, "open_on_load": true, "hide_on_mobile": true,
          "hide_when_unavailable": true, "pause_new_conversations": true, "collect_email": "required",
          "countries": ["fr", "DE"], "calendar_url": "https://cal.example.com/acme"}}""");
    assertEquals(200, reply.status(), reply::toString);
    JsonObject widget = reply.json().getJsonObject("widget");
    assertEquals(Json.createObjectBuilder(Map.of("en", "Chat with us", "fr", "Discutons")).build(), widget.getJsonObject("launcher_label"));
    assertEquals("Hi <b>there</b>", widget.getJsonObject("welcome_text").getString("en"), "text is stored as written, never as markup");
    assertEquals("left", widget.getString("position"));
    assertEquals(40, widget.getInt("offset_x"));
    assertEquals(24, widget.getInt("offset_y"));
    assertEquals("#ffffff", widget.getString("theme_text_color"));
    assertEquals("#7c3aed", widget.getString("launcher_color"));
    assertEquals("georgia", widget.getString("font"));
    assertEquals(4, widget.getInt("corner_radius"));
    assertTrue(widget.getBoolean("open_on_load"));
    assertTrue(widget.getBoolean("hide_on_mobile"));
    assertTrue(widget.getBoolean("hide_when_unavailable"));
    assertTrue(widget.getBoolean("pause_new_conversations"));
    assertEquals("required", widget.getString("collect_email"));
    assertEquals(List.of("DE", "FR"), widget.getJsonArray("countries").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList());
    assertEquals("https://cal.example.com/acme", widget.getString("calendar_url"));
    assertEquals(widget, config("FR").json().getJsonObject("widget"));

    JsonObject merged = update("{\"widget\": {\"position\": \"right\", \"calendar_url\": null, \"offset_x\": null}}").json()
        .getJsonObject("widget");
    assertEquals("right", merged.getString("position"));
    assertTrue(merged.isNull("calendar_url"), "null clears the calendar link");
    assertEquals(16, merged.getInt("offset_x"), "null puts a setting back to its default");
    assertEquals("georgia", merged.getString("font"), "settings left out keep their value");
    assertEquals("Discutons", merged.getJsonObject("launcher_label").getString("fr"));
    assertEquals(merged, stored().getJsonObject("widget"));
  }

  @Test
  void textOnTheThemeColorMustReachFourAndAHalfToOneAndTheRatioIsSaid() {
    assertEquals(200, update("{\"theme_color\": \"#ffcc00\", \"widget\": {\"theme_text_color\": \"#1f2328\"}}").status());

    Api.Reply white = update("{\"widget\": {\"theme_text_color\": \"#ffffff\"}}");
    assertValidationError(white, "widget.theme_text_color");
    JsonObject error = white.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("insufficient_contrast", error.getString("code"));
    assertTrue(error.getString("message").contains("1.51:1"), error::toString);
    assertTrue(error.getString("message").contains("4.5:1"), error::toString);

    // A theme color that the stored text color can no longer be read on is refused the same way.
    Api.Reply darker = update("{\"theme_color\": \"#2b2b2b\"}");
    assertValidationError(darker, "widget.theme_text_color");

    JsonObject unchanged = stored();
    assertEquals("#ffcc00", unchanged.getString("theme_color"));
    assertEquals("#1f2328", unchanged.getJsonObject("widget").getString("theme_text_color"));
    assertEquals(200, update("{\"theme_color\": \"#1f6feb\", \"widget\": {\"theme_text_color\": \"#ffffff\"}}").status(),
        "4.63:1 passes");
  }

  @Test
  void badSettingsAreRefusedFieldByFieldAndNothingChanges() {
    update("{\"widget\": {\"position\": \"left\", \"font\": \"verdana\"}}");
    JsonObject before = stored();
    Map<String, String> bad = Map.ofEntries(
        Map.entry("{\"position\": \"top\"}", "widget.position"),
        Map.entry("{\"offset_x\": -1}", "widget.offset_x"),
        Map.entry("{\"offset_y\": 1000}", "widget.offset_y"),
        Map.entry("{\"offset_x\": 1.5}", "widget.offset_x"),
        Map.entry("{\"corner_radius\": 99}", "widget.corner_radius"),
        Map.entry("{\"font\": \"Comic Sans\"}", "widget.font"),
        Map.entry("{\"theme_text_color\": \"white\"}", "widget.theme_text_color"),
        Map.entry("{\"launcher_color\": \"#12345\"}", "widget.launcher_color"),
        Map.entry("{\"collect_email\": \"always\"}", "widget.collect_email"),
        Map.entry("{\"countries\": [\"FR\", \"XX\"]}", "widget.countries[1]"),
        Map.entry("{\"countries\": \"FR\"}", "widget.countries"),
        Map.entry("{\"calendar_url\": \"javascript:alert(1)\"}", "widget.calendar_url"),
        Map.entry("{\"calendar_url\": \"http://cal.example.com\"}", "widget.calendar_url"),
        Map.entry("{\"launcher_label\": {\"not a locale\": \"Hi\"}}", "widget.launcher_label.not a locale"),
        Map.entry("{\"launcher_label\": {\"en\": \"" + "x".repeat(41) + "\"}}", "widget.launcher_label.en"),
        Map.entry("{\"welcome_text\": {\"en\": 3}}", "widget.welcome_text.en"),
        Map.entry("{\"welcome_text\": \"Hello\"}", "widget.welcome_text"),
        Map.entry("{\"open_on_load\": \"yes\"}", "widget.open_on_load"),
        Map.entry("{\"default_locale\": \"English\"}", "widget.default_locale"),
        Map.entry("{\"colour\": \"#ffffff\"}", "widget.colour"));
    bad.forEach((widget, field) -> {
      Api.Reply reply = update("{\"name\": \"Renamed\", \"widget\": " + widget + "}");
      assertValidationError(reply, field);
    });
    assertValidationError(update("{\"widget\": null}"), "widget");
    assertValidationError(update("{\"widget\": [1]}"), "widget");
    assertEquals(before, stored(), "a refused change changes nothing, not even the valid fields beside it");
  }

  @Test
  void theLauncherShowsOnlyInTheAppsCountriesWhenTheProxySaysWhereTheVisitorIs() {
    assertTrue(config("US").json().getBoolean("shown"), "no countries: everywhere");
    update("{\"widget\": {\"countries\": [\"FR\", \"BE\"]}}");
    assertTrue(config("FR").json().getBoolean("shown"));
    assertTrue(config("be").json().getBoolean("shown"));
    assertFalse(config("US").json().getBoolean("shown"));
    assertTrue(config(null).json().getBoolean("shown"), "no header: shown everywhere");
  }

  @Test
  void anotherOrganizationsAppIsNotFoundAndKeepsItsSettings() {
    Organizations.Owner other = Organizations.signUp("Other Co");
    assertProblem(other.api().patch("/api/v1/apps/" + app.getString("id"), "{\"widget\": {\"position\": \"left\"}}"), 404, "not_found");
    assertProblem(other.api().patch("/api/v1/apps/" + app.getString("id"),
        "{\"qualification_questions\": []}"), 404, "not_found");
    assertEquals("right", stored().getJsonObject("widget").getString("position"));
  }

  @Test
  void agentsCannotChangeTheSettings() {
    io.convot.it.support.Team.Joined agent = io.convot.it.support.Team.join(owner, "agent");
    Api.Reply reply = agent.api().patch("/api/v1/apps/" + app.getString("id"), "{\"widget\": {\"position\": \"left\"}}");
    assertEquals(403, reply.status(), reply::toString);
    assertEquals("right", stored().getJsonObject("widget").getString("position"));
    assertFalse(fieldsInError(update("{\"widget\": {\"position\": \"up\"}}")).isEmpty());
  }
}
