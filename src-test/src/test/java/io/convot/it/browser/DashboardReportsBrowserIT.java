package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.report.ReportHistory;
import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Reports page in headless Chromium set to New York's time zone, over a history of the last
 * days (two members, an API key, two apps): the headline figures, the per-member table and the CSV
 * the page downloads equal what the API answers for the same range in that zone, for the default
 * range, one app and custom dates; both charts draw; no policy violation, no console error, and
 * axe-core finds nothing serious.
 */
class DashboardReportsBrowserIT {

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static Organizations.Owner owner;
  private static JsonObject shop;
  private static JsonObject helpdesk;

  private Dashboard dashboard;

  @BeforeAll
  static void makeAHistory() throws Exception {
    owner = Organizations.signUp("Reports page");
    Team.Joined agent = Team.join(owner, "agent");
    Api.Reply key = owner.api().post("/api/v1/api-keys", "{\"name\": \"Sync\"}");
    ReportHistory.Actor ada = new ReportHistory.Actor(agent.memberId(), "A agent", agent.api());
    ReportHistory.Actor me = new ReportHistory.Actor(owner.memberId(), "Owner of Reports page", owner.api());
    ReportHistory.Actor api = new ReportHistory.Actor(null, "API", Api.withToken(key.string("key")));
    shop = Widget.createApp(owner.api(), "Shop <b>app</b>", false);
    helpdesk = Widget.createApp(owner.api(), "Helpdesk", false);
    Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.DAYS);
    ReportHistory history = new ReportHistory();
    for (int i = 0; i < 6; i++) {
      Instant at = base.plus(i * 23L, ChronoUnit.HOURS);
      ReportHistory.Conv conv = history.visitorStarts(i % 3 == 2 ? helpdesk : shop, at);
      if (i != 4) {
        history.reply(conv, i % 2 == 0 ? ada : i == 5 ? api : me, at.plus(3 + i * 7L, ChronoUnit.MINUTES));
      }
      history.visitor(conv, at.plus(50, ChronoUnit.MINUTES));
      history.reply(conv, ada, at.plus(55, ChronoUnit.MINUTES));
      if (i % 2 == 1) {
        history.resolve(conv, i == 3 ? api : me, at.plus(2 + i, ChronoUnit.HOURS));
      }
    }
    history.moveToScriptedTimes();
  }

  @AfterEach
  void closeBrowser() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  @Test
  void theFiguresShownAreTheApis() throws Exception {
    dashboard = new Dashboard().recordingPolicyViolations();
    dashboard.browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE.getId()));
    dashboard.signedIn(owner.token(), "/inbox");
    dashboard.click("link", "Reports");
    dashboard.waitFor(20).withMessage(() -> "no Reports page; the page says: " + dashboard.browser.findElement(By.id("main")).getText()
        + "; console: " + dashboard.consoleErrors()).until(d -> dashboard.byRole("heading", "Reports").size() == 1);

    LocalDate today = LocalDate.now(ZONE);
    String range = "from=" + today.minusDays(29) + "&to=" + today.plusDays(1) + "&tz=" + enc(ZONE.getId());
    assertPageShows(range, "the last 30 days");
    assertTrue(dashboard.browser.findElements(By.cssSelector("figure canvas")).size() >= 2, "both charts draw");
    assertEquals(List.of("Conversations and messages per day", "Median first response time per day"),
        dashboard.browser.findElements(By.cssSelector("figure figcaption")).stream().map(WebElement::getText).toList());
    dashboard.screenshot("reports");
    dashboard.assertAccessible("the reports page");
    assertCsvDownloads(range);

    new Select(dashboard.find("combobox", "App")).selectByVisibleText("Helpdesk");
    assertPageShows(range + "&app_id=" + helpdesk.getString("id"), "one app");

    new Select(dashboard.find("combobox", "Interval")).selectByVisibleText("Per week");
    dashboard.waitFor().until(d -> dashboard.browser.findElement(By.cssSelector("figure figcaption")).getText()
        .equals("Conversations and messages per week"));

    new Select(dashboard.find("combobox", "App")).selectByVisibleText("All apps");
    new Select(dashboard.find("combobox", "Range")).selectByVisibleText("Custom dates");
    LocalDate from = today.minusDays(4);
    LocalDate to = today.minusDays(2);
    dashboard.browser.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
        dashboard.waitFor().until(d -> d.findElement(By.id("report-from"))), dashboard.browser.findElement(By.id("report-to")),
        from.toString(), to.toString());
    dashboard.click("button", "Show");
    String custom = "from=" + from + "&to=" + to.plusDays(1) + "&tz=" + enc(ZONE.getId());
    assertPageShows(custom, "custom dates");
    assertCsvDownloads(custom);
    dashboard.screenshot("reports-custom");
    dashboard.assertAccessible("the reports page with custom dates");

    assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
    assertEquals(List.of(), dashboard.consoleErrors());
  }

  /** Waits until the page shows the API's figures for {@code range}, then compares the per-member table. */
  private void assertPageShows(String range, String what) {
    JsonObject summary = owner.api().get("/api/v1/reports/summary?" + range).json();
    assertTrue(summary.getInt("conversations_created") > 0 || what.equals("custom dates"), summary::toString);
    Map<String, String> expected = Map.of(
        "Conversations created", count(summary, "conversations_created"),
        "Resolutions", count(summary, "conversations_resolved"),
        "Messages received", count(summary, "messages_received"),
        "Replies sent", count(summary, "messages_sent"),
        "Median first response", duration(summary.getJsonObject("first_response").get("median_seconds")),
        "Median resolution time", duration(summary.getJsonObject("resolution").get("median_seconds")));
    dashboard.waitFor().withMessage(() -> what + ": the page shows " + shown() + ", the API " + expected)
        .until(d -> expected.equals(shown()));

    JsonArray agents = owner.api().get("/api/v1/reports/agents?" + range).json().getJsonArray("data");
    List<List<String>> rows = new ArrayList<>();
    for (JsonValue value : agents) {
      JsonObject a = value.asJsonObject();
      rows.add(List.of(a.isNull("member_id") ? "API (API keys)" : a.getString("name"), count(a, "messages_sent"),
          count(a, "conversations_resolved"), Integer.toString(a.getJsonObject("first_response").getInt("count")),
          duration(a.getJsonObject("first_response").get("median_seconds")), duration(a.getJsonObject("first_response").get("p90_seconds")),
          duration(a.getJsonObject("resolution").get("median_seconds"))));
    }
    dashboard.waitFor().withMessage(() -> what + ": the table shows " + table() + ", the API " + rows).until(d -> rows.equals(table()));
  }

  /**
   * Clicks Export CSV and compares the file the browser saved (into a directory of the test's, through
   * the page's blob: URL) with the API's CSV for the same range.
   */
  private void assertCsvDownloads(String range) throws Exception {
    Path downloads = Files.createTempDirectory(Path.of("target"), "report-downloads");
    dashboard.browser.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    dashboard.link("Export CSV").click();
    Path saved = dashboard.waitFor(30).withMessage(() -> "no CSV saved in " + downloads).until(d -> {
      try (var files = Files.list(downloads)) {
        return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
    Api.Reply csv = owner.api().get("/api/v1/reports/conversations.csv?" + range);
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("id,app_id,app,contact_email,"));
    String expectedName = csv.header("Content-Disposition").replaceAll(".*filename=\"([^\"]+)\".*", "$1");
    assertEquals(expectedName, saved.getFileName().toString());
    dashboard.waitFor().until(d -> {
      try {
        return Files.readString(saved).equals(csv.body());
      } catch (java.io.IOException e) {
        return false;
      }
    });
  }

  private Map<String, String> shown() {
    Map<String, String> figures = new java.util.HashMap<>();
    for (WebElement group : dashboard.browser.findElements(By.cssSelector(".report-stats [role=group]"))) {
      figures.put(group.findElement(By.cssSelector(".label")).getText(), group.findElement(By.cssSelector(".value")).getText());
    }
    return figures;
  }

  private List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement row : dashboard.browser.findElements(By.cssSelector("section[aria-labelledby=report-agents-title] tbody tr"))) {
      List<String> cells = new ArrayList<>();
      row.findElements(By.cssSelector("th, td")).forEach(cell -> cells.add(cell.getText().trim()));
      rows.add(cells);
    }
    return rows;
  }

  private static String count(JsonObject object, String field) {
    return String.format(Locale.US, "%,d", object.getJsonNumber(field).longValue());
  }

  /** As the page writes a duration: "42 s", "5 min 3 s", "2 h 05 min", "3 d 4 h", "—" for none. */
  static String duration(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "—";
    }
    long s = Math.round(((JsonNumber) value).doubleValue());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86400) {
      return s / 3600 + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }
    return s / 86400 + " d " + (s % 86400) / 3600 + " h";
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
