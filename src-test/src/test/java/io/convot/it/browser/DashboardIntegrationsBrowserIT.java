package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import io.convot.it.support.partner.PartnerApiSimulator;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Settings › Webhooks and Settings › Shopify in a real browser: endpoints added, tested, disabled,
 * edited, rotated and deleted through the dashboard, their signed deliveries verified at a real
 * receiver, the delivery log with failures, retry and replay; the Shopify Partner API connection
 * against the simulated Partner API.
 */
class DashboardIntegrationsBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(30);
  private static final String SCRIPT = "<script>alert(1)</script>";

  private final Organizations.Owner owner = Organizations.signUp("Integrations Co");
  private Dashboard dashboard;
  private Receiver receiver;

  @AfterEach
  void close() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void anEndpointAddedInTheDashboardShowsItsSecretOnceAndItsTestDeliveryVerifiesWithIt() throws Exception {
    receiver = new Receiver();
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/webhooks");

    dashboard.textbox("URL").sendKeys(receiver.url());
    dashboard.textbox("Description (optional)").sendKeys("Orders service");
    dashboard.click("button", "Add endpoint");

    String secret = dashboard.textbox("Signing secret").getDomProperty("value");
    assertTrue(secret.startsWith("whsec_"), secret);
    JsonObject endpoint = onlyEndpoint();
    assertEquals(receiver.url(), endpoint.getString("url"));
    assertEquals("Orders service", endpoint.getString("description"));
    assertEquals(List.of(), endpoint.getJsonArray("events"), "all events");
    dashboard.assertAccessible("an endpoint's page showing its new secret");
    dashboard.screenshot("webhook-endpoint-secret");

    dashboard.click("button", "Send test");

    Receiver.Request test = receiver.await(Receiver.ofType("webhook.test"), 1, SOON).get(0);
    new Webhook(secret).verify(test.body(), test.headers());
    WebElement log = dashboard.find("table", "Deliveries");
    dashboard.waitFor(30).withMessage("the test delivery's attempt in the log").until(d -> {
      String text = log.getText();
      return text.contains("webhook.test") && text.contains("Succeeded") && text.contains("200") && text.contains("#1");
    });

    dashboard.browser.navigate().refresh();
    dashboard.find("table", "Deliveries");
    assertTrue(dashboard.byRole("textbox", "Signing secret").isEmpty(), "the secret is not shown again");
    assertFalse(dashboard.browser.getPageSource().contains(secret));

    dashboard.link("← All endpoints").click();
    dashboard.link(receiver.url());
    assertFalse(dashboard.browser.getPageSource().contains(secret));
    dashboard.assertAccessible("the webhooks settings");
    dashboard.screenshot("settings-webhooks");
  }

  @Test
  void failedAttemptsShowTheAnswerAsTextAndRetryAndReplaySendThemAgain() throws Exception {
    receiver = new Receiver().otherwise(new Answer(500, Map.of("Content-Type", "text/html"), SCRIPT));
    String id = createEndpoint(receiver.url());
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/webhooks/" + id);

    dashboard.click("button", "Send test");
    Eventually.await(() -> deliveries(id, ""), found -> found.size() == 1, SOON, "the first test delivery");
    dashboard.click("button", "Send test");
    List<JsonObject> failed = Eventually.await(() -> deliveries(id, "failed"), found -> found.size() == 2, Duration.ofSeconds(90),
        "two deliveries failing twelve times each");
    dashboard.click("button", "Refresh");

    WebElement log = dashboard.find("table", "Deliveries");
    dashboard.waitFor(20).withMessage("both failed deliveries in the log").until(d -> count(log.getText(), "Failed") == 2);
    assertTrue(log.getText().contains(SCRIPT), "the receiver's answer shows as text: " + log.getText());
    assertTrue(log.getText().contains("500"));
    assertEquals(0L, dashboard.browser.executeScript("return document.querySelectorAll('main script').length"),
        "the answer never becomes markup");
    assertEquals(2, dashboard.byRole("button", "Show 9 earlier attempts").size(), "the three latest of twelve attempts are shown");
    dashboard.byRole("button", "Show 9 earlier attempts").get(0).click();
    dashboard.waitFor().until(d -> java.util.regex.Pattern.compile("#1(?!\\d)").matcher(log.getText()).find());

    receiver.otherwise(Answer.of(200));
    List<WebElement> retries = buttonsStartingWith(log, "Retry webhook.test");
    assertEquals(2, retries.size());
    retries.get(0).click();
    dashboard.waitFor(30).withMessage("the retried delivery succeeding in the log").until(d ->
        count(log.getText(), "Succeeded") == 1 && count(log.getText(), "Failed") == 1);
    assertEquals(1, receiver.requests().stream().filter(r -> "13".equals(r.header("Convot-Delivery-Attempt"))).count());

    WebElement since = dashboard.browser.findElement(By.xpath("//input[@id=//label[normalize-space()='Failed and skipped since']/@for]"));
    dashboard.browser.executeScript("""
        const d = new Date(Date.now() - 10 * 60 * 1000), pad = (n) => String(n).padStart(2, '0');
        arguments[0].value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
        """, since);
    dashboard.click("button", "Replay");

    dashboard.waitFor(30).withMessage("the replayed delivery succeeding in the log").until(d -> count(log.getText(), "Succeeded") == 2);
    assertTrue(mainText().contains("1 delivery is being sent again."), mainText());
    List<String> delivered = receiver.requests().stream().filter(r -> r.header("Convot-Delivery-Attempt").equals("13"))
        .map(r -> r.header("webhook-id")).sorted().toList();
    assertEquals(failed.stream().map(d -> d.getString("event_id")).sorted().toList(), delivered,
        "retry and replay sent both events again, each under its own webhook-id");
    dashboard.browser.executeScript("arguments[0].scrollIntoView()", dashboard.find("heading", "Delivery log"));
    dashboard.assertAccessible("the delivery log");
    dashboard.screenshot("webhook-deliveries");
  }

  @Test
  void anEndpointIsDisabledEnabledEditedRotatedAndDeletedFromItsPage() throws Exception {
    receiver = new Receiver();
    JsonObject app = Widget.createApp(owner.api(), "Storefront", false);
    String id = createEndpoint(receiver.url());
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/webhooks/" + id);

    dashboard.click("button", "Disable");
    dashboard.button("Enable");
    assertEquals("disabled", endpoint(id).getString("status"));
    assertFalse(dashboard.button("Send test").isEnabled());
    String visitor = new Widget(app.getString("app_key")).session("");
    assertEquals(201, Widget.send(visitor, "written while it was off").status());
    Eventually.await(() -> deliveries(id, "skipped"), found -> found.size() >= 1, SOON, "a skipped delivery");
    dashboard.click("button", "Refresh");
    WebElement log = dashboard.find("table", "Deliveries");
    dashboard.waitFor().until(d -> log.getText().contains("Skipped"));
    assertTrue(receiver.requests().isEmpty(), "nothing is sent while disabled");

    dashboard.click("button", "Enable");
    dashboard.button("Disable");
    dashboard.click("button", "Replay");
    receiver.await(Receiver.ofType("message.received"), 1, SOON);
    dashboard.waitFor(30).until(d -> !log.getText().contains("Skipped"));

    dashboard.click("button", "Edit");
    WebElement description = dashboard.textbox("Description (optional)");
    description.sendKeys(" for the CRM");
    dashboard.browser.findElement(By.xpath("//label[normalize-space()='Only the events I choose']/input")).click();
    dashboard.find("checkbox", "conversation.resolved A conversation was resolved").click();
    dashboard.click("button", "Save changes");
    dashboard.waitFor().until(d -> "conversation.resolved".equals(String.join(",", strings(endpoint(id), "events"))));
    assertEquals("test receiver for the CRM", endpoint(id).getString("description"));

    dashboard.click("button", "Rotate secret");
    WebElement dialog = dashboard.find("dialog", "Rotate the signing secret?");
    dashboard.assertAccessible("the rotation dialog");
    dialog.findElement(By.xpath(".//button[normalize-space()='Rotate secret']")).click();
    String rotated = dashboard.textbox("Signing secret").getDomProperty("value");
    assertTrue(rotated.startsWith("whsec_"));
    assertTrue(mainText().contains("previous secret"),
        "the grace period of the old secret is explained");
    dashboard.click("button", "Send test");
    Receiver.Request test = receiver.await(Receiver.ofType("webhook.test"), 1, SOON).get(0);
    new Webhook(rotated).verify(test.body(), test.headers());

    dashboard.click("button", "Delete");
    dashboard.find("dialog", "Delete this endpoint?");
    dashboard.click("button", "Cancel");
    assertEquals(200, owner.api().get("/api/v1/webhooks/" + id).status(), "cancelled: nothing deleted");
    dashboard.click("button", "Delete");
    dashboard.find("dialog", "Delete this endpoint?").findElement(By.xpath(".//button[normalize-space()='Delete endpoint']")).click();
    dashboard.textbox("URL");
    assertEquals(404, owner.api().get("/api/v1/webhooks/" + id).status());
    assertTrue(mainText().contains("No endpoints yet"), mainText());
  }

  @Test
  void shopifyConnectsOnlyWithAGoodTokenAndSyncNowUpdatesTheLastSync() {
    long shopifyApp = ThreadLocalRandom.current().nextLong(1_000, 9_000_000);
    Api.Reply app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Upsell Pro")
        .add("shopify_app_id", PartnerOrganization.gid(shopifyApp)).build().toString());
    assertEquals(201, app.status(), app::toString);
    String good = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
    String appsOnly = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
    PartnerOrganization partner = PartnerApiSimulator.get().organization().token(good, true).token(appsOnly, false).app(shopifyApp);
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/shopify");
    dashboard.assertAccessible("the Shopify settings before connecting");

    dashboard.textbox("Partner organization ID").sendKeys(partner.id());
    connectWith("prtapi_a_token_shopify_never_issued");
    awaitAlert("Token is invalid or expired");
    connectWith(appsOnly);
    awaitAlert("Missing scope - View financials");
    assertEquals(404, owner.api().get("/api/v1/integrations/shopify").status(), "nothing stored for a refused token");

    connectWith(good);
    WebElement status = dashboard.find("region", "Sync status");
    dashboard.waitFor(30).withMessage("the first sync shown").until(d -> lastSync(status));
    dashboard.find("heading", "Partner organization " + partner.id());
    assertEquals("active", owner.api().get("/api/v1/integrations/shopify").json().getString("status"));
    assertTrue(mainText().contains("Upsell Pro"), "the synced app is listed");
    assertFalse(dashboard.browser.getPageSource().contains(good), "the token is not kept in the page");
    dashboard.assertAccessible("the connected Shopify settings");

    java.time.Instant clicked = java.time.Instant.now();
    dashboard.click("button", "Sync now");

    // The test server syncs every second by itself: the page must come to show a sync that ran after the click.
    dashboard.waitFor(30).withMessage("a sync that ran after the click, shown").until(d -> {
      String shown = lastSync(status);
      return shown != null && java.time.Instant.parse(shown).isAfter(clicked);
    });
    assertTrue(mainText().contains("Synced "), mainText());
    dashboard.screenshot("settings-shopify");

    dashboard.click("button", "Disconnect");
    dashboard.find("dialog", "Disconnect Shopify?").findElement(By.xpath(".//button[normalize-space()='Disconnect']")).click();
    dashboard.button("Connect");
    assertEquals("disconnected", owner.api().get("/api/v1/integrations/shopify").json().getString("status"));
  }

  @Test
  void agentsSeeANoticeInsteadOfTheIntegrationSettings() {
    Team.Joined agent = Team.join(owner, "agent");
    dashboard = new Dashboard().signedIn(agent.token()).open("/settings/webhooks");

    dashboard.waitFor().until(d -> mainText().contains("Only owners and admins manage webhooks"));
    assertTrue(dashboard.byRole("textbox", "URL").isEmpty());
    dashboard.open("/settings/shopify");
    dashboard.waitFor().until(d -> mainText().contains("Only owners and admins manage the Shopify integration"));
    assertTrue(dashboard.byRole("button", "Connect").isEmpty());
    dashboard.assertAccessible("the Shopify settings of an agent");
  }

  private void connectWith(String token) {
    WebElement field = dashboard.textbox("Access token");
    field.clear();
    field.sendKeys(token);
    dashboard.click("button", "Connect");
  }

  private void awaitAlert(String text) {
    dashboard.waitFor(20).withMessage("an alert saying '" + text + "'").until(d ->
        d.findElements(By.cssSelector("[role=alert]")).stream().anyMatch(e -> e.isDisplayed() && text.equals(e.getText())));
  }

  /** The time the "Last sync" entry of the status shows (its datetime), or null while none. */
  private static String lastSync(WebElement status) {
    List<WebElement> shown = status.findElements(By.xpath(".//dt[normalize-space()='Last sync']/following-sibling::dd[1]/time"));
    return shown.isEmpty() ? null : shown.get(0).getDomAttribute("datetime");
  }

  private String mainText() {
    return dashboard.browser.findElement(By.tagName("main")).getText();
  }

  private String createEndpoint(String url) {
    Api.Reply created = owner.api().post("/api/v1/webhooks", Json.createObjectBuilder().add("url", url)
        .add("description", "test receiver").build().toString());
    assertEquals(201, created.status(), created::toString);
    return created.string("id");
  }

  private JsonObject onlyEndpoint() {
    List<JsonObject> all = owner.api().get("/api/v1/webhooks").json().getJsonArray("data").getValuesAs(JsonObject.class);
    assertEquals(1, all.size(), all::toString);
    return all.get(0);
  }

  private JsonObject endpoint(String id) {
    return owner.api().get("/api/v1/webhooks/" + id).json();
  }

  private List<JsonObject> deliveries(String id, String status) {
    return owner.api().get("/api/v1/webhooks/" + id + "/deliveries?status=" + status).json().getJsonArray("data")
        .getValuesAs(JsonObject.class);
  }

  private static List<String> strings(JsonObject object, String field) {
    return object.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  private static List<WebElement> buttonsStartingWith(WebElement within, String name) {
    return within.findElements(By.tagName("button")).stream().filter(b -> b.getAccessibleName().startsWith(name)).toList();
  }

  private static int count(String text, String word) {
    return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
  }
}
