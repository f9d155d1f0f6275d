package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.crisp.CrispApiSimulator;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings › Import in a real browser against the simulated Crisp API: a refused token says so and
 * starts nothing; an accepted one starts an import whose progress bar, counts, pause (why, and when
 * it resumes) and completion the page shows as they happen, then the history keeps it.
 */
class DashboardImportBrowserIT {

  private static final String SCRIPT = "<script>alert(1)</script>";

  private Dashboard dashboard;

  @AfterEach
  void close() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  @Test
  void anImportStartedInTheDashboardShowsItsProgressItsPauseAndItsEnd() {
    Organizations.Owner owner = Organizations.signUp("Import Co");
    Organizations.createApp(owner.api(), "Storefront");
    Organizations.createApp(owner.api(), "Helpdesk " + SCRIPT);
    CrispWebsite website = CrispApiSimulator.get().website("Import Co");
    Instant start = Instant.parse("2025-05-01T10:00:00Z");
    for (int p = 0; p < 70; p++) {
      website.person(CrispWebsite.person("p" + p, "buyer" + p + "@example.test", "Buyer " + p + " " + SCRIPT, null, null,
          List.of(), start));
    }
    for (int c = 0; c < 12; c++) {
      String session = "session_browser_" + c;
      website.conversation(CrispWebsite.conversation(session, c % 2 == 0 ? "resolved" : "pending", start.plusSeconds(c * 60L),
              start.plusSeconds(c * 60L + 30), "buyer" + c + "@example.test", "Buyer " + c, List.of(), Map.of()),
          List.of(CrispWebsite.message(session, 1, "text", "user", Json.createValue("Hi " + SCRIPT), start.plusSeconds(c * 60L), "Buyer"),
              CrispWebsite.message(session, 2, "text", "operator", Json.createValue("Hello!"), start.plusSeconds(c * 60L + 10), "Crisp Ann")));
    }
    // Slow enough to watch. Request 1 is the refused key's check, 2 the accepted one's, 3 the first page of
    // people; the second page of people (4) is rate-limited for 6 s.
    website.pause(250).rateLimit(4, 6);

    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/apps");
    dashboard.link("Import").click();
    dashboard.find("heading", "Import from Crisp");
    assertTrue(dashboard.browser.getPageSource().contains("No import yet."));

    new Select(dashboard.find("combobox", "Into app")).selectByVisibleText("Helpdesk " + SCRIPT);
    dashboard.textbox("Crisp website ID").sendKeys(website.id());
    dashboard.textbox("Token identifier").sendKeys(website.identifier());
    WebElement key = dashboard.textbox("Token key");
    key.sendKeys("wrong-key");
    dashboard.click("button", "Start import");
    dashboard.waitFor().withMessage("the refusal").until(d -> mainText().contains("Crisp refused this token pair"));
    assertEquals("true", key.getDomAttribute("aria-invalid"));
    assertTrue(dashboard.description(key).contains("Crisp refused this token pair"), dashboard.description(key));
    assertEquals(0, owner.api().get("/api/v1/imports").json().getJsonArray("data").size());
    dashboard.assertAccessible("the import form with a refused token");

    key.clear();
    key.sendKeys(website.key());
    dashboard.click("button", "Start import");
    dashboard.awaitStatus("Crisp accepted the token");
    assertEquals("", dashboard.textbox("Token key").getDomProperty("value"), "the key is not kept in the form");

    WebElement history = dashboard.find("list", "Import history");
    WebElement entry = dashboard.waitFor().withMessage("the import in the history").until(d ->
        history.findElements(org.openqa.selenium.By.tagName("li")).stream().findFirst().orElse(null));
    assertEquals("Import of " + website.id() + " into Helpdesk " + SCRIPT, entry.getAccessibleName());
    dashboard.find("progressbar", "Import progress");
    dashboard.waitFor(30).withMessage("the pause and when it resumes").until(d -> entry.getText().contains("Paused"));
    String paused = entry.getText();
    assertTrue(paused.contains("It resumes by itself at"), paused);
    assertTrue(paused.contains("50 contacts"), paused);
    dashboard.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", entry);
    dashboard.screenshot("settings-import-paused");
    dashboard.assertAccessible("a paused import");

    dashboard.waitFor(60).withMessage("the import completing").until(d -> entry.getText().contains("Completed"));
    String done = entry.getText();
    assertTrue(done.contains("70 contacts, 12 conversations, 24 messages"), done);
    assertFalse(done.contains("Paused"), done);
    WebElement finished = dashboard.find("progressbar", "Import progress");
    assertEquals(finished.getDomAttribute("max"), finished.getDomProperty("value"), "a completed import's bar is full");
    assertTrue(finished.getDomAttribute("aria-valuetext").startsWith("Completed"), finished.getDomAttribute("aria-valuetext"));
    assertTrue(dashboard.byRole("button", "Cancel import").isEmpty(), "a completed import cannot be cancelled");
    assertEquals(0L, dashboard.browser.executeScript("return document.querySelectorAll('main script').length"),
        "user text never becomes markup");
    assertFalse(dashboard.browser.getPageSource().contains(website.key()), "the key is nowhere in the page");
    dashboard.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", entry);
    dashboard.screenshot("settings-import-completed");
    dashboard.assertAccessible("a completed import");
  }

  private String mainText() {
    return dashboard.browser.findElement(org.openqa.selenium.By.tagName("main")).getText();
  }
}
