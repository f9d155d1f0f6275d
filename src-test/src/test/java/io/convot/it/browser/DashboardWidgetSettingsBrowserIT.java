package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings → Widget (with its live preview) and Qualification, the member's availability switch in
 * the header, and the pre-chat answers in the inbox's contact sidebar, in a real browser, each
 * checked against the REST API and by axe-core, within the dashboard's content security policy.
 */
class DashboardWidgetSettingsBrowserIT {

  private static final Duration API_CHANGE = Duration.ofSeconds(10);

  private final Organizations.Owner owner = Organizations.signUp("Widget Settings Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Acme Reviews", false);
  private final List<Dashboard> dashboards = new ArrayList<>();

  @AfterEach
  void close() {
    try {
      for (Dashboard dashboard : dashboards) {
        assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
      }
    } finally {
      dashboards.forEach(Dashboard::close);
    }
  }

  private Dashboard dashboard() {
    Dashboard dashboard = new Dashboard().recordingPolicyViolations();
    dashboards.add(dashboard);
    return dashboard.signedIn(owner.token());
  }

  private JsonObject stored() {
    return owner.api().get("/api/v1/apps/" + app.getString("id")).json();
  }

  /** A color input takes no typing: set its value as a person picking a color would, with its input event. */
  private static void pickColor(Dashboard dashboard, WebElement input, String color) {
    dashboard.browser.executeScript("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, color);
  }

  @Test
  void theWidgetPageSavesEverySettingItShowsInThePreviewAndRefusesUnreadableColors() {
    Dashboard dashboard = dashboard();
    dashboard.open("/settings/widget");
    dashboard.find("heading", "Widget");
    dashboard.waitFor().until(d -> d.getCurrentUrl().endsWith("/settings/widget/" + app.getString("id")));
    assertEquals("Acme Reviews", new Select(dashboard.find("combobox", "App")).getFirstSelectedOption().getText());

    dashboard.textbox("Launcher label").sendKeys("Chat with <b>us</b>");
    dashboard.find("radio", "Left").click();
    WebElement offset = dashboard.find("spinbutton", "Horizontal offset");
    offset.clear();
    offset.sendKeys("40");
    new Select(dashboard.find("combobox", "Font")).selectByVisibleText("Georgia");
    new Select(dashboard.find("combobox", "Collect email before chatting")).selectByVisibleText("Required");
    dashboard.find("checkbox", "Hide when no one is available").click();
    dashboard.textbox("Countries").sendKeys("fr, de\t");
    dashboard.textbox("Calendar link").sendKeys("https://cal.example.com/acme");

    // The preview follows the draft: the label (as text), the side.
    WebElement preview = dashboard.find("figure", "The widget on the left, launcher labeled “Chat with <b>us</b>”");
    assertTrue(preview.getText().contains("Chat with <b>us</b>"), preview::getText);
    assertEquals("Georgia", preview.getCssValue("font-family").split(",")[0].replace("\"", ""));
    dashboard.assertAccessible("Settings → Widget");
    dashboard.screenshot("settings-widget");

    dashboard.click("button", "Save widget settings");
    dashboard.awaitStatus("were saved");
    JsonObject widget = stored().getJsonObject("widget");
    assertEquals("Chat with <b>us</b>", widget.getJsonObject("launcher_label").getString("en"));
    assertEquals("left", widget.getString("position"));
    assertEquals(40, widget.getInt("offset_x"));
    assertEquals("georgia", widget.getString("font"));
    assertEquals("required", widget.getString("collect_email"));
    assertTrue(widget.getBoolean("hide_when_unavailable"));
    assertEquals(List.of("DE", "FR"), widget.getJsonArray("countries").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("https://cal.example.com/acme", widget.getString("calendar_url"));

    // White text on yellow: the page says the ratio, the server refuses it, and nothing changes.
    pickColor(dashboard, dashboard.browser.findElement(By.id("widget-theme")), "#ffcc00");
    dashboard.find("checkbox", "Automatic").click();
    pickColor(dashboard, dashboard.browser.findElement(By.id("widget-text-color")), "#ffffff");
    dashboard.waitFor().until(d -> dashboard.browser.findElement(By.id("widget-contrast")).getText().contains("1.51:1"));
    dashboard.click("button", "Save widget settings");
    WebElement error = dashboard.waitFor().until(d -> d.findElement(By.id("widget-text-color-error")));
    assertTrue(error.getText().contains("1.51:1"), error::getText);
    assertEquals("true", dashboard.browser.findElement(By.id("widget-text-color")).getAttribute("aria-invalid"));
    dashboard.screenshot("settings-widget-contrast");
    assertEquals("#2563eb", stored().getString("theme_color"), "the refused change left the saved colors alone");
    assertTrue(stored().getJsonObject("widget").isNull("theme_text_color"));
  }

  @Test
  void theQualificationPageAddsOrdersAndSavesQuestions() {
    Dashboard dashboard = dashboard();
    dashboard.open("/settings/qualification");
    dashboard.find("heading", "Qualification");
    dashboard.click("button", "Add question");
    dashboard.textbox("Question").sendKeys("Which plan are you on?");
    new Select(dashboard.find("combobox", "Answer type")).selectByVisibleText("One choice");
    dashboard.textbox("Options").sendKeys("Basic\nPro\nPlus");
    dashboard.textbox("Qualifying options").sendKeys("Pro\nPlus");
    dashboard.find("checkbox", "Required").click();
    dashboard.click("button", "Add question");
    List<WebElement> questions = dashboard.byRole("textbox", "Question");
    questions.get(1).sendKeys("How many stores?");
    new Select(dashboard.byRole("combobox", "Answer type").get(1)).selectByVisibleText("Number");
    dashboard.find("spinbutton", "Minimum").sendKeys("1");
    dashboard.click("button", "Move question 2 up");
    new Select(dashboard.find("combobox", "Then")).selectByVisibleText("Show a message and the calendar link");
    dashboard.textbox("Message").sendKeys("Let's book a call");
    dashboard.assertAccessible("Settings → Qualification");
    dashboard.screenshot("settings-qualification");

    dashboard.click("button", "Save questions");
    dashboard.awaitStatus("2 pre-chat questions were saved");
    JsonObject saved = stored();
    assertEquals("how_many_stores", saved.getJsonArray("qualification_questions").getJsonObject(0).getString("id"));
    assertEquals(1, saved.getJsonArray("qualification_questions").getJsonObject(0).getInt("min"));
    JsonObject plan = saved.getJsonArray("qualification_questions").getJsonObject(1);
    assertEquals("which_plan_are_you_on", plan.getString("id"));
    assertEquals("select", plan.getString("type"));
    assertTrue(plan.getBoolean("required"));
    assertEquals(List.of("Basic", "Pro", "Plus"), plan.getJsonArray("options").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("show_calendar", saved.getJsonObject("qualification_rule").getString("when_unqualified"));

    // A select without options is refused, and the page says where.
    dashboard.click("button", "Add question");
    dashboard.byRole("textbox", "Question").get(2).sendKeys("Pick one");
    new Select(dashboard.byRole("combobox", "Answer type").get(2)).selectByVisibleText("Several choices");
    dashboard.click("button", "Save questions");
    dashboard.waitFor().until(d -> "true".equals(dashboard.byRole("textbox", "Options").get(1).getAttribute("aria-invalid")));
    assertEquals(2, stored().getJsonArray("qualification_questions").size());
  }

  @Test
  void theHeaderSwitchSetsTheMemberAvailableOrAway() {
    Dashboard dashboard = dashboard();
    dashboard.open("/inbox");
    WebElement available = dashboard.find("switch", "Available");
    assertEquals("true", available.getAttribute("aria-checked"));
    dashboard.assertAccessible("the header with the availability switch");
    available.click();
    dashboard.waitFor().until(d -> "false".equals(dashboard.find("switch", "Available").getAttribute("aria-checked")));
    Eventually.await(() -> owner.api().get("/api/v1/me").json().getJsonObject("member").getString("availability"),
        "away"::equals, API_CHANGE, "the member to be away");
    dashboard.screenshot("header-away");
    dashboard.find("switch", "Available").click();
    dashboard.waitFor().until(d -> "true".equals(dashboard.find("switch", "Available").getAttribute("aria-checked")));
    Eventually.await(() -> owner.api().get("/api/v1/me").json().getJsonObject("member").getString("availability"),
        "available"::equals, API_CHANGE, "the member to be available again");
  }

  @Test
  void theSidebarShowsThePreChatAnswersAsText() {
    assertEquals(200, owner.api().patch("/api/v1/apps/" + app.getString("id"), """
        {"qualification_questions": [
          {"id": "plan", "label": "Which <i>plan</i>?", "type": "select", "options": ["Pro", "Basic"]},
          {"id": "topics", "label": "Topics", "type": "multi_select", "options": ["Billing", "Bugs"]},
          {"id": "details", "label": "Details", "type": "text"}]}""").status());
    Widget widget = new Widget(app.getString("app_key"));
    String token = widget.session("\"user\": {\"nickname\": \"Lea\"}");
    Api.Reply sent = Widget.client(token).post("/widget/v1/messages", Json.createObjectBuilder().add("text", "Hello")
        .add("qualification_answers", Json.createObjectBuilder().add("plan", "Pro")
            .add("topics", Json.createArrayBuilder().add("Billing").add("Bugs")).add("details", "<img src=x onerror=alert(1)>"))
        .build().toString());
    assertEquals(201, sent.status(), sent::toString);

    Dashboard dashboard = dashboard();
    dashboard.open("/inbox/open/" + sent.json().getString("conversation_id"));
    dashboard.find("heading", "Pre-chat answers");
    WebElement sidebar = dashboard.find("complementary", "Contact");
    String text = sidebar.getText();
    assertTrue(text.contains("Which <i>plan</i>?"), text);
    assertTrue(text.contains("Billing, Bugs"), text);
    List<String> answers = sidebar.findElements(By.cssSelector(".answers dd")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Pro", "Billing, Bugs", "<img src=x onerror=alert(1)>"), answers);
    assertTrue(text.contains("<img src=x onerror=alert(1)>"), text);
    assertTrue(sidebar.findElements(By.tagName("img")).isEmpty());
    assertFalse(sidebar.findElements(By.tagName("i")).stream().anyMatch(WebElement::isDisplayed));
    dashboard.assertAccessible("the inbox with pre-chat answers");
    dashboard.screenshot("sidebar-answers");
  }
}
