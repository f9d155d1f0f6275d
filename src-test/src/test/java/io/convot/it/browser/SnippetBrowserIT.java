package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Browser;
import io.convot.it.support.HostPage;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/** The snippet from {@code GET /api/v1/apps/{id}/snippet}, pasted as is into a host page, runs the widget. */
class SnippetBrowserIT {

  private final Organizations.Owner owner = Organizations.signUp("Paste Co");
  private HostPage host;
  private ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (host != null) {
      host.close();
    }
  }

  @Test
  void thePastedSnippetShowsTheWidgetAndAMessageReachesTheTeam() throws Exception {
    host = new HostPage();
    JsonObject app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Pasted")
        .add("allowed_origins", Json.createArrayBuilder().add(host.origin())).build().toString()).json();
    String snippet = owner.api().get("/api/v1/apps/" + app.getString("id") + "/snippet").string("html");
    host.show("""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Pasted admin</title>
        <script>
          window.__errors = [];
          addEventListener('error', function (e) { __errors.push(String(e.message)); });
        </script>
        %s</head>
        <body><h1>Pasted orders</h1></body></html>
        """.formatted(snippet));
    browser = Browser.start();

    browser.get(host.origin() + "/");
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("text"))).sendKeys("Pasted and working?");
    browser.findElement(By.id("send")).click();

    JsonObject conversation = new FluentWait<>(owner.api()).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
        .withMessage("the visitor's message never reached the agent API")
        .until(api -> {
          JsonArray found = api.get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data");
          return found.isEmpty() ? null : found.getJsonObject(0);
        });
    JsonArray messages = owner.api().get("/api/v1/conversations/" + conversation.getString("id") + "/messages").json().getJsonArray("data");
    assertEquals("Pasted and working?", messages.getJsonObject(0).getString("text"));
    browser.switchTo().defaultContent();
    assertEquals(List.of(), browser.executeScript("return window.__errors;"));
  }
}
