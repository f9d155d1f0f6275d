package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Browser;
import io.convot.it.support.Dashboard;
import io.convot.it.support.DnsServer;
import io.convot.it.support.HostPage;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The help center in a real browser: Settings → Help center (writing with a live preview,
 * publishing, the custom domain and its verification), the search field of the chat widget, and
 * Crisp-style host code calling {@code helpdesk:search} and {@code helpdesk:article:open}.
 */
class HelpCenterBrowserIT {

  private final Organizations.Owner owner = Organizations.signUp("Help Browser Co");
  private Dashboard dashboard;
  private HostPage host;
  private ChromeDriver browser;

  @AfterEach
  void close() {
    try {
      if (dashboard != null) {
        assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
      }
    } finally {
      if (dashboard != null) {
        dashboard.close();
      }
      if (browser != null) {
        browser.quit();
      }
      if (host != null) {
        host.close();
      }
    }
  }

  private void screenshot(String name) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  private JsonObject app(String allowedOrigin) {
    Api.Reply reply = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Acme Orders")
        .add("allowed_origins", Json.createArrayBuilder().add(allowedOrigin)).build().toString());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private void publish(String appId, String title, String slug, String markdown) {
    Api.Reply reply = owner.api().post("/api/v1/apps/" + appId + "/articles", Json.createObjectBuilder().add("title", title)
        .add("slug", slug).add("body_markdown", markdown).add("status", "published").build().toString());
    assertEquals(201, reply.status(), reply::toString);
  }

  private JsonObject onlyArticle(String appId) {
    return owner.api().get("/api/v1/apps/" + appId + "/articles").json().getJsonArray("data").getJsonObject(0);
  }

  @Test
  void anOwnerWritesPreviewsPublishesAndVerifiesTheDomain() {
    JsonObject app = app("https://*.myshopify.com");
    String appId = app.getString("id");
    String zone = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    dashboard = new Dashboard().recordingPolicyViolations().signedIn(owner.token(), "/settings/apps");
    dashboard.click("link", "Help center");
    dashboard.find("heading", "Help center");
    dashboard.find("heading", "New article");

    dashboard.textbox("Title").sendKeys("Refunds <b>fast</b>");
    dashboard.textbox("Category").sendKeys("Billing");
    dashboard.textbox("Body (Markdown)").sendKeys("Refunds take **five days**.\n\n<img src=x onerror=\"window.pwned=1\">");
    WebElement preview = dashboard.find("region", "Preview");
    dashboard.waitFor().until(d -> !preview.findElements(By.xpath(".//strong[.='five days']")).isEmpty());
    assertTrue(preview.findElements(By.cssSelector("[onerror]")).isEmpty(), "the preview is sanitized");
    dashboard.assertAccessible("the article editor");
    dashboard.screenshot("help-center-editor");

    dashboard.click("button", "Publish");
    dashboard.awaitStatus("is published");
    JsonObject article = onlyArticle(appId);
    assertEquals("published", article.getString("status"));
    assertEquals("Refunds <b>fast</b>", article.getString("title"));
    assertEquals("refunds-b-fast-b", article.getString("slug"));
    dashboard.find("button", "Refunds <b>fast</b>"); // the title in the list, as text
    assertEquals(null, dashboard.browser.executeScript("return window.pwned;"));
    assertEquals(200, Api.anonymous().get("/help/" + app.getString("app_key") + "/en/refunds-b-fast-b").status());

    dashboard.click("button", "Unpublish");
    dashboard.awaitStatus("was unpublished");
    assertEquals("draft", onlyArticle(appId).getString("status"));

    DnsServer.shared().zone(zone).cname("help." + zone, "help.convot.test");
    dashboard.textbox("Hostname").sendKeys("help." + zone);
    dashboard.click("button", "Save domain");
    dashboard.find("table", "DNS record to create");
    dashboard.waitFor().until(d -> dashboard.browser.findElement(By.cssSelector(".dns-record")).getText().contains("help.convot.test"));
    dashboard.click("button", "Verify domain setup");
    dashboard.awaitStatus("Domain status: Verified");
    String panel = dashboard.find("region", "Custom domain").getText();
    assertTrue(panel.contains("Verified"), panel);
    assertTrue(panel.contains("help." + zone + " is a CNAME to help.convot.test"), panel);
    assertEquals("verified", owner.api().get("/api/v1/apps/" + appId + "/help-center/domain").json().getString("status"));
    dashboard.assertAccessible("the custom domain");
    dashboard.screenshot("help-center-domain");

    owner.api().patch("/api/v1/articles/" + article.getString("id"), "{\"status\": \"published\"}");
    dashboard.browser.get(Api.BASE_URL + "/help/" + app.getString("app_key") + "/en/refunds-b-fast-b");
    dashboard.find("heading", "Refunds <b>fast</b>");
    dashboard.find("searchbox", "Search articles");
    dashboard.assertAccessible("the public article");
    dashboard.screenshot("help-center-public-article");
  }

  @Test
  void aVisitorSearchesTheHelpCenterFromTheChat() throws Exception {
    host = new HostPage();
    JsonObject app = app(host.origin());
    publish(app.getString("id"), "Refunds", "refunds", "Ask within **30 days** and we refund you.");
    publish(app.getString("id"), "Shipping", "shipping", "Parcels leave every morning.");
    host.show("""
        <!doctype html><html><head><meta charset="utf-8"><title>Acme admin</title>
        <script>window.Convot = window.Convot || []; Convot.app_id = "%s";</script>
        <script async src="%s/widget/v1/loader.js"></script></head>
        <body><h1>Acme orders</h1></body></html>
        """.formatted(app.getString("app_key"), Api.BASE_URL));
    browser = Browser.start();
    browser.get(host.origin() + "/");
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();

    WebElement search = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type=search][aria-label='Search help articles']")));
    search.sendKeys("refu");
    WebElement result = Browser.waitUpTo(browser, 10).until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[@id='help-results']//button[strong='Refunds']")));
    assertEquals("refund", result.findElement(By.tagName("mark")).getText(), "the matched word is highlighted");
    assertFalse(browser.findElement(By.id("text")).isDisplayed(), "the results take the conversation's place");
    screenshot("help-center-widget-results");
    result.click();
    WebElement body = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("help-body")));
    assertEquals("Ask within 30 days and we refund you.", body.getText());
    assertEquals("30 days", body.findElement(By.tagName("strong")).getText());
    screenshot("help-center-widget-article");

    search.clear();
    search.sendKeys(" ");
    search.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
  }

  @Test
  void crispStyleHostCodeOpensTheSearchAndAnArticle() throws Exception {
    host = new HostPage();
    JsonObject app = app(host.origin());
    publish(app.getString("id"), "Payouts", "payouts", "Payouts arrive on **Mondays**.");
    host.show("""
        <!doctype html><html><head><meta charset="utf-8"><title>Acme admin</title>
        <script>
          window.__errors = [];
          addEventListener('error', function (e) { __errors.push(String(e.message)); });
          window.Convot = []; Convot.crisp_compat = true;
          window.$crisp = []; window.CRISP_WEBSITE_ID = "%s";
          $crisp.push(["do", "helpdesk:search"]);
        </script>
        <script async src="%s/widget/v1/loader.js"></script></head>
        <body><h1>Acme orders</h1></body></html>
        """.formatted(app.getString("app_key"), Api.BASE_URL));
    browser = Browser.start();
    browser.get(host.origin() + "/");
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    WebElement search = Browser.waitUpTo(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("help-q")));
    Browser.waitUpTo(browser, 10).until(d -> search.equals(d.switchTo().activeElement()));

    browser.switchTo().defaultContent();
    browser.executeScript("$crisp.push(['do', 'helpdesk:article:open', ['en', 'payouts']]);");
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    WebElement body = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("help-body")));
    assertEquals("Payouts arrive on Mondays.", body.getText());
    assertEquals("Payouts", browser.findElement(By.id("help-title")).getText());
    browser.switchTo().defaultContent();
    assertEquals(List.of(), browser.executeScript("return window.__errors;"));
  }
}
