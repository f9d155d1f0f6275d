package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Browser;
import io.convot.it.support.CountryProxy;
import io.convot.it.support.HostPage;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * Each widget setting as a visitor sees it, on a real host page in headless Chromium: the launcher's
 * label, side, offsets and colors, the panel's corners and font, hidden while no one is available
 * (and back, live, with {@code website:availability:changed}), the pre-chat form with a required
 * email and qualification questions, unqualified answers shown the calendar link, the inline embed,
 * and the countries filter through a proxy that says where the visitor is.
 */
class WidgetSettingsBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Organizations.Owner owner = Organizations.signUp("Widget Look Co");
  private HostPage host;
  private ChromeDriver browser;
  private JsonObject app;
  private LiveClient dashboard;
  private CountryProxy proxy;

  private static String page(String appKey, String base) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Acme admin</title>
        <script>
          window.__errors = [];
          window.__availability = [];
          addEventListener('error', function (e) { __errors.push(String(e.message)); });
          window.Convot = window.Convot || [];
          Convot.app_id = "%s";
          Convot.push(["on", "website:availability:changed", function (available) { __availability.push(available); }]);
        </script>
        <script async src="%s/widget/v1/loader.js"></script>
        </head>
        <body><h1>Acme orders</h1></body></html>
        """.formatted(appKey, base);
  }

  @BeforeEach
  void start() throws IOException {
    host = new HostPage();
    app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Acme Orders")
        .add("allowed_origins", Json.createArrayBuilder().add(host.origin())).build().toString()).json();
    host.show(page(app.getString("app_key"), Api.BASE_URL));
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (host != null) {
      host.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private void settings(String json) {
    Api.Reply reply = owner.api().patch("/api/v1/apps/" + app.getString("id"), json);
    assertEquals(200, reply.status(), reply::toString);
  }

  /** A member with the dashboard open: the app is available. */
  private void memberOnline() throws InterruptedException {
    dashboard = LiveClient.connect("/realtime/v1/agent", Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build());
    dashboard.await(LiveClient.ofType("ready"), Duration.ofSeconds(15));
  }

  private WebElement frame() {
    return Browser.waitUpTo(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe[title='Chat']")));
  }

  private void intoFrame() {
    browser.switchTo().defaultContent();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
  }

  private Object script(String js, Object... args) {
    return browser.executeScript(js, args);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private void assertNoPageErrors() {
    browser.switchTo().defaultContent();
    assertEquals(List.of(), script("return window.__errors;"));
  }

  @Test
  void theLauncherHasItsLabelSideOffsetsAndColorsAndThePanelItsCornersAndFont() throws Exception {
    memberOnline();
    settings("""
        {"theme_color": "#0b6e4f", "widget": {"launcher_label": {"en": "Chat with us", "fr": "Discutons"},
         "welcome_text": {"en": "Hello <b>shop owner</b>"}, "position": "left", "offset_x": 40, "offset_y": 30,
         "theme_text_color": "#ffffff", "launcher_color": "#7c3aed", "font": "georgia", "corner_radius": 4}}""");
    browser.get(host.origin() + "/");
    WebElement iframe = frame();
    intoFrame();
    WebElement launcher = Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher")));
    assertEquals("Chat with us", browser.findElement(By.id("label")).getText());
    assertEquals("rgba(124, 58, 237, 1)", launcher.getCssValue("background-color"));
    // The launcher sits 40 px from the page's left edge and 30 px from its bottom.
    Browser.waitUpTo(browser, 10).until(d -> ((Number) script("return arguments[0].getBoundingClientRect().left;", launcher)).intValue() == 40);
    assertEquals(30L, Math.round(((Number) script(
        "return window.innerHeight - arguments[0].getBoundingClientRect().bottom;", launcher)).doubleValue()));
    browser.switchTo().defaultContent();
    Browser.waitUpTo(browser, 10).until(d -> ((Number) script("return arguments[0].getBoundingClientRect().left;", iframe)).intValue() == 0);
    assertTrue(((Number) script("return arguments[0].getBoundingClientRect().right;", iframe)).intValue() < 640,
        "a closed widget on the left leaves the rest of the page alone");
    screenshot("widget-settings-closed");

    intoFrame();
    launcher.click();
    WebElement head = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".head")));
    assertEquals("rgba(11, 110, 79, 1)", head.getCssValue("background-color"));
    assertEquals("rgba(255, 255, 255, 1)", head.getCssValue("color"));
    assertEquals("4px", browser.findElement(By.id("panel")).getCssValue("border-top-left-radius"));
    assertTrue(browser.findElement(By.tagName("body")).getCssValue("font-family").startsWith("Georgia"));
    assertEquals("Hello <b>shop owner</b>", browser.findElement(By.id("empty")).getText(), "the welcome text is text, not markup");
    assertTrue(browser.findElements(By.cssSelector("#empty b")).isEmpty());
    browser.switchTo().defaultContent();
    screenshot("widget-settings-open");
    assertNoPageErrors();
  }

  @Test
  void hiddenWhileNoOneIsAvailableAndBackLiveWhenAMemberComesOnline() throws Exception {
    settings("{\"widget\": {\"hide_when_unavailable\": true}}");
    browser.get(host.origin() + "/");
    WebElement iframe = frame();
    // The frame read its configuration (the page's copy of its state starts available) and stays hidden: nobody is online.
    Browser.waitUpTo(browser, 20).until(d -> Boolean.FALSE.equals(script("return Convot.is('website:available');")));
    assertEquals(Boolean.FALSE, script("return Convot.is('chat:visible');"));
    assertFalse(iframe.isDisplayed());

    memberOnline();
    Browser.waitUpTo(browser, 20).until(d -> iframe.isDisplayed());
    assertEquals(List.of(true), script("return window.__availability;"));
    assertEquals(Boolean.TRUE, script("return Convot.is('website:available');"));

    assertEquals(200, owner.api().patch("/api/v1/me", "{\"availability\": \"away\"}").status());
    Browser.waitUpTo(browser, 20).until(d -> !iframe.isDisplayed());
    assertEquals(List.of(true, false), script("return window.__availability;"));
    assertNoPageErrors();
  }

  @Test
  void thePreChatFormAsksTheRequiredEmailAndTheQuestionsAndTheAnswersReachTheAgent() throws Exception {
    memberOnline();
    settings("""
        {"widget": {"collect_email": "required"}, "qualification_questions": [
          {"id": "plan", "label": "Which plan are you on?", "type": "select", "required": true, "options": ["Basic", "Pro"],
           "qualifying_options": ["Pro"]},
          {"id": "stores", "label": "How many stores?", "type": "number", "min": 1, "max": 50}],
         "qualification_rule": {"when_unqualified": "start_chat"}}""");
    browser.get(host.origin() + "/");
    intoFrame();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    WebElement form = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("prechat")));
    assertFalse(browser.findElement(By.id("composer")).isDisplayed(), "no message before the pre-chat form");
    screenshot("widget-prechat");

    // Submitting without the required answers keeps the form: the browser says what is missing.
    form.findElement(By.cssSelector("button[type=submit]")).click();
    assertTrue(form.isDisplayed());
    assertFalse(browser.findElement(By.id("composer")).isDisplayed());
    assertFalse((Boolean) script("return document.getElementById('prechat').checkValidity();"));

    browser.findElement(By.id("pc-email")).sendKeys("lea@shop.test");
    new Select(browser.findElement(By.id("pc-q0"))).selectByVisibleText("Pro");
    browser.findElement(By.id("pc-q1")).sendKeys("3");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement text = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
    assertFalse(form.isDisplayed());
    text.sendKeys("We need help with payouts");
    browser.findElement(By.id("send")).click();

    JsonObject conversation = awaitConversation();
    assertEquals("lea@shop.test", conversation.getJsonObject("contact").getString("email"));
    JsonArray answers = conversation.getJsonArray("qualification_answers");
    assertEquals("Pro", answers.getJsonObject(0).getString("value"));
    assertEquals(3, answers.getJsonObject(1).getInt("value"));
    assertNoPageErrors();
  }

  @Test
  void unqualifiedAnswersShowTheMessageAndTheCalendarLinkInsteadOfTheChat() throws Exception {
    memberOnline();
    settings("""
        {"widget": {"calendar_url": "https://cal.example.com/acme"}, "qualification_questions": [
          {"id": "plan", "label": "Which plan are you on?", "type": "select", "required": true, "options": ["Basic", "Pro"],
           "qualifying_options": ["Pro"]}],
         "qualification_rule": {"when_unqualified": "show_calendar", "message": "Let's talk on a call <i>instead</i>"}}""");
    browser.get(host.origin() + "/");
    intoFrame();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("prechat")));
    new Select(browser.findElement(By.id("pc-q0"))).selectByVisibleText("Basic");
    browser.findElement(By.cssSelector("#prechat button[type=submit]")).click();
    WebElement outcome = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
    assertEquals("Let's talk on a call <i>instead</i>", browser.findElement(By.id("outcome-text")).getText());
    WebElement calendar = outcome.findElement(By.id("outcome-calendar"));
    assertTrue(calendar.isDisplayed());
    assertEquals("https://cal.example.com/acme", calendar.getAttribute("href"));
    assertFalse(browser.findElement(By.id("composer")).isDisplayed());
    browser.switchTo().defaultContent();
    screenshot("widget-unqualified");
    Thread.sleep(1000);
    assertEquals(0, owner.api().get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data").size());
    assertNoPageErrors();
  }

  @Test
  void itOpensOnPageLoadOncePerTabAndHidesOnNarrowScreensWhenAsked() throws Exception {
    memberOnline();
    settings("{\"widget\": {\"open_on_load\": true}}");
    browser.get(host.origin() + "/");
    intoFrame();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("panel")));
    browser.findElement(By.id("close")).click();
    Browser.waitUpTo(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("panel")));
    browser.navigate().refresh();
    intoFrame();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher")));
    Thread.sleep(1000);
    assertFalse(browser.findElement(By.id("panel")).isDisplayed(), "closed by the visitor: not opened again in this tab");

    settings("{\"widget\": {\"open_on_load\": false, \"hide_on_mobile\": true}}");
    browser.switchTo().defaultContent();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
    browser.navigate().refresh();
    WebElement iframe = frame();
    intoFrame();
    Browser.waitUpTo(browser, 20).until(d -> Boolean.TRUE.equals(script(
        "var names = performance.getEntriesByType('resource').map(function (e) { return e.name; });"
            + " return names.some(function (name) { return name.indexOf('/widget/v1/messages') >= 0; });")));
    Thread.sleep(1500);
    browser.switchTo().defaultContent();
    assertFalse(iframe.isDisplayed(), "hidden on a 375 px wide screen");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    Browser.waitUpTo(browser, 20).until(d -> iframe.isDisplayed());
    assertNoPageErrors();
  }

  @Test
  void pausedConversationsShowTheAwayTextAndAnEmailFieldInsteadOfTheComposer() throws Exception {
    memberOnline();
    settings("{\"widget\": {\"pause_new_conversations\": true}}");
    browser.get(host.origin() + "/");
    intoFrame();
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    WebElement away = Browser.waitUpTo(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("away")));
    assertTrue(away.getText().contains("not taking new conversations"), away::getText);
    assertTrue(browser.findElement(By.id("email")).isDisplayed());
    assertFalse(browser.findElement(By.id("composer")).isDisplayed());
    assertNoPageErrors();
  }

  @Test
  void theLauncherShowsOnlyInTheAppsCountries() throws Exception {
    memberOnline();
    settings("{\"widget\": {\"countries\": [\"FR\", \"BE\"]}}");
    proxy = new CountryProxy("US");
    host.show(page(app.getString("app_key"), proxy.url()));
    browser.get(host.origin() + "/");
    WebElement iframe = frame();
    // The frame read its configuration (through the proxy, from the US), started its session and read
    // the messages: everything it waits for before showing the launcher. It stays hidden.
    intoFrame();
    Browser.waitUpTo(browser, 20).until(d -> Boolean.TRUE.equals(script(
        "var names = performance.getEntriesByType('resource').map(function (e) { return e.name; });"
            + " return ['/widget/v1/config', '/widget/v1/sessions', '/widget/v1/messages'].every(function (path) {"
            + " return names.some(function (name) { return name.indexOf(path) >= 0; }); });")));
    Thread.sleep(1500);
    assertFalse(browser.findElement(By.id("launcher")).isDisplayed());
    browser.switchTo().defaultContent();
    assertFalse(iframe.isDisplayed());

    proxy.country("FR");
    browser.navigate().refresh();
    WebElement shown = frame();
    Browser.waitUpTo(browser, 20).until(d -> shown.isDisplayed());
    intoFrame();
    assertTrue(Browser.waitUpTo(browser, 10).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).isDisplayed());
    assertNoPageErrors();
  }

  @Test
  void theInlineEmbedRendersThePanelInsideTheHostsElement() throws Exception {
    memberOnline();
    host.show("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Help</title>
        <script>window.__errors = []; addEventListener('error', function (e) { __errors.push(String(e.message)); });</script>
        </head><body><h1>Support</h1>
        <div id="support-chat" style="width: 420px; height: 560px; border: 1px solid #ccc"></div>
        <script async src="%s/widget/v1/embed.js" data-convot-app-id="%s" data-convot-container="#support-chat"></script>
        <script>window.Convot = window.Convot || []; Convot.push(["set", "user:nickname", ["Inline visitor"]]);</script>
        </body></html>""".formatted(Api.BASE_URL, app.getString("app_key")));
    browser.get(host.origin() + "/");
    WebElement iframe = Browser.waitUpTo(browser, 20).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#support-chat > iframe[title='Chat']")));
    Browser.waitUpTo(browser, 20).until(d -> iframe.isDisplayed());
    assertEquals(420L, Math.round(((Number) script("return arguments[0].getBoundingClientRect().width;", iframe)).doubleValue()));
    intoFrame();
    WebElement text = Browser.waitUpTo(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
    assertFalse(browser.findElement(By.id("launcher")).isDisplayed(), "no launcher inside the page's element");
    assertFalse(browser.findElement(By.id("close")).isDisplayed());
    text.sendKeys("Hello from the help page");
    browser.findElement(By.id("send")).click();
    JsonObject conversation = awaitConversation();
    assertEquals("Inline visitor", conversation.getJsonObject("contact").getString("nickname"), "the same SDK");
    browser.switchTo().defaultContent();
    screenshot("widget-inline");
    assertNoPageErrors();
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
