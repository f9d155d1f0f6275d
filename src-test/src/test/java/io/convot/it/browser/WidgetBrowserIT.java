package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Browser;
import io.convot.it.support.HostPage;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The widget in a real browser: a host page on an allowed origin embeds the two-tag snippet and
 * pushes commands before the loader arrives; a visitor writes; the agent sees everything and
 * answers; the answer appears without a reload. On a foreign origin nothing shows and nothing breaks.
 */
class WidgetBrowserIT {

  private final Organizations.Owner owner = Organizations.signUp("Browser Co");
  private HostPage host;
  private ChromeDriver browser;
  private JsonObject app;

  private static String page(String appKey) {
    return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Acme admin</title>
        <script>
          window.__errors = [];
          addEventListener('error', function (e) { __errors.push(String(e.message)); });
          addEventListener('unhandledrejection', function (e) { __errors.push(String(e.reason)); });
        </script>
        <script>
          window.Convot = window.Convot || [];
          Convot.app_id = "%s";
          Convot.push(["set", "user:email", ["mia@shop.test"]]);
          Convot.push(["set", "user:nickname", ["Mia"]]);
          Convot.push(["set", "session:data", [[["plan", "pro"], ["seats", 3]]]]);
          Convot.push(["set", "session:segments", [["vip", "beta"]]]);
          Convot.push(["set", "session:event", [[["plan_upgraded", {"to": "pro"}, "green"]]]]);
        </script>
        <script async src="%s/widget/v1/loader.js"></script>
        </head>
        <body><h1>Acme orders</h1><p>Your Shopify app's admin page.</p></body></html>
        """.formatted(appKey, Api.BASE_URL);
  }

  @BeforeEach
  void openHostPage() throws Exception {
    host = new HostPage();
    app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Acme Orders")
        .add("allowed_origins", Json.createArrayBuilder().add(host.origin())).build().toString()).json();
    host.show(page(app.getString("app_key")));
    browser = Browser.start();
  }

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
  void aVisitorChatsWithAnAgentFromTheHostPage() {
    browser.get(host.origin() + "/");
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("text"))).sendKeys("Where is my payout report?");
    browser.findElement(By.id("send")).click();

    JsonObject conversation = awaitConversation();
    JsonObject contact = conversation.getJsonObject("contact");
    assertEquals("mia@shop.test", contact.getString("email"));
    assertEquals("Mia", contact.getString("nickname"));
    assertEquals("pro", contact.getJsonObject("data").getString("plan"));
    assertEquals(3, contact.getJsonObject("data").getInt("seats"));
    assertEquals(List.of("beta", "vip"), contact.getJsonArray("segments").getValuesAs(jakarta.json.JsonString::getString));
    JsonArray events = owner.api().get("/api/v1/contacts/" + contact.getString("id") + "/events").json().getJsonArray("data");
    assertEquals("plan_upgraded", events.getJsonObject(0).getString("name"));
    JsonArray messages = owner.api().get("/api/v1/conversations/" + conversation.getString("id") + "/messages").json().getJsonArray("data");
    assertEquals("Where is my payout report?", messages.getJsonObject(0).getString("text"));

    owner.api().post("/api/v1/conversations/" + conversation.getString("id") + "/messages", "{\"text\": \"Under Finances > Payouts.\"}");

    Browser.waitUpTo(browser, 15).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//ol[@id='log']/li[contains(@class,'agent')][contains(., 'Under Finances > Payouts.')]")));
    browser.switchTo().defaultContent();
    assertEquals(List.of(), browser.executeScript("return window.__errors;"));
  }

  @Test
  void aForeignOriginShowsNothingAndBreaksNothing() {
    browser.get(host.foreignOrigin() + "/");
    // Wait until the loader has asked for the app's configuration and been refused.
    Browser.waitUpTo(browser, 20).until(driver -> (Boolean) browser.executeScript(
        "return performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('/widget/v1/config') >= 0; });"));
    assertThrows(TimeoutException.class, () -> new FluentWait<>(browser).withTimeout(Duration.ofSeconds(2))
        .pollingEvery(Duration.ofMillis(100)).until(driver -> !driver.findElements(By.tagName("iframe")).isEmpty()),
        "no widget on a foreign origin");
    assertEquals(List.of(), browser.executeScript("return window.__errors;"));
    assertTrue(browser.getPageSource().contains("Acme orders"));
  }

  private JsonObject awaitConversation() {
    JsonObject first = new FluentWait<>(owner.api()).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
        .withMessage("the visitor's conversation never reached the agent API")
        .until(api -> {
          JsonArray found = api.get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data");
          return found.isEmpty() ? null : found.getJsonObject(0);
        });
    return owner.api().get("/api/v1/conversations/" + first.getString("id")).json();
  }
}
