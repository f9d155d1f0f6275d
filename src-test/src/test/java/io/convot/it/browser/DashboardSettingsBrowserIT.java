package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import io.convot.it.support.Team;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings → Apps, Team, API keys and Account in a real browser, each checked against the REST API
 * and by axe-core. Names people type (an app's, a member's, a key's) stay text, never markup.
 */
class DashboardSettingsBrowserIT {

  private static final String MARKUP = "<b>x</b>";
  private static final Duration API_CHANGE = Duration.ofSeconds(10);

  private final Owner owner = Organizations.signUp("Settings Co");
  private final List<Dashboard> dashboards = new ArrayList<>();

  /** Every page the test showed kept to the content security policy (no inline style, no foreign script). */
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

  private Dashboard dashboard(String token) {
    Dashboard dashboard = new Dashboard().recordingPolicyViolations();
    dashboards.add(dashboard);
    return token == null ? dashboard : dashboard.signedIn(token);
  }

  private JsonObject app(String id) {
    Api.Reply reply = owner.api().get("/api/v1/apps/" + id);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private String mainText(Dashboard dashboard) {
    return dashboard.browser.findElement(By.tagName("main")).getText();
  }

  @Test
  void createsAnAppAndShowsItsSnippet() {
    String othersApp = Organizations.createApp(Organizations.signUp("Other Co").api(), "Not yours").getString("id");
    Dashboard dashboard = dashboard(owner.token());

    dashboard.open("/settings/apps/" + othersApp);
    dashboard.waitFor().until(d -> mainText(dashboard).contains("This app does not exist"));
    assertFalse(mainText(dashboard).contains("Not yours"));

    dashboard.open("/settings/apps");
    dashboard.click("button", "New app");
    dashboard.textbox("App name").sendKeys(MARKUP + " Reviews");
    dashboard.click("button", "Create app");

    dashboard.find("heading", MARKUP + " Reviews"); // the name as typed, tags and all: text, not markup
    dashboard.awaitStatus("was created");
    JsonObject created = owner.api().get("/api/v1/apps").json().getJsonArray("data").getJsonObject(0);
    assertEquals(MARKUP + " Reviews", created.getString("name"));
    assertEquals(List.of("https://*.myshopify.com"), created.getJsonArray("allowed_origins").getValuesAs(jakarta.json.JsonString::getString));
    assertTrue(dashboard.browser.getCurrentUrl().endsWith("#/settings/apps/" + created.getString("id")), dashboard.browser::getCurrentUrl);
    WebElement snippet = dashboard.find("figure", "Widget snippet");
    dashboard.waitFor().until(d -> snippet.getText().contains("Convot.app_id = \"" + created.getString("app_key") + "\""));
    assertTrue(snippet.getText().contains(Api.BASE_URL + "/widget/v1/loader.js"), snippet::getText);
    assertTrue(dashboard.browser.findElements(By.cssSelector("main b")).isEmpty(), "no markup from the app's name");
    dashboard.find("button", "Copy snippet");
    dashboard.find("figure", "Node.js example");

    dashboard.assertAccessible("Settings → Apps");
    dashboard.screenshot("settings-apps");
  }

  @Test
  void revealsAndRotatesTheIdentitySecret() {
    JsonObject app = Organizations.createApp(owner.api(), "Secretive");
    Dashboard dashboard = dashboard(owner.token()).open("/settings/apps/" + app.getString("id"));

    dashboard.find("button", "Reveal secret");
    assertTrue(dashboard.byRole("textbox", "Identity secret").isEmpty(), "hidden until revealed");
    assertFalse(dashboard.browser.getPageSource().contains(app.getString("identity_secret")));
    dashboard.click("button", "Reveal secret");
    assertEquals(app.getString("identity_secret"), dashboard.textbox("Identity secret").getDomProperty("value"));

    dashboard.click("button", "Rotate secret");
    dashboard.find("dialog", "Rotate the identity secret?");
    dashboard.click("button", "Issue a new secret");

    JsonObject rotated = Eventually.await(() -> app(app.getString("id")),
        a -> !a.getString("identity_secret").equals(app.getString("identity_secret")), API_CHANGE, "the rotation");
    dashboard.waitFor().until(d -> rotated.getString("identity_secret").equals(dashboard.textbox("Identity secret").getDomProperty("value")));
    assertTrue(dashboard.awaitStatus("The previous one keeps verifying until").contains("new identity secret"));
    assertTrue(mainText(dashboard).contains("The previous secret still verifies until"), () -> mainText(dashboard));
    assertTrue(rotated.containsKey("previous_identity_secret_valid_until"), rotated::toString);
  }

  @Test
  void requiringIdentityVerificationIsConfirmedAndReachesTheApi() {
    JsonObject app = Organizations.createApp(owner.api(), "Verified");
    Dashboard dashboard = dashboard(owner.token()).open("/settings/apps/" + app.getString("id"));

    WebElement toggle = dashboard.find("checkbox", "Require identity verification");
    assertTrue(dashboard.description(toggle).contains("unsigned visitors are refused"), () -> dashboard.description(toggle));
    toggle.click();
    dashboard.find("dialog", "Require identity verification?");
    dashboard.click("button", "Cancel");
    dashboard.waitFor().until(d -> dashboard.byRole("dialog", "Require identity verification?").isEmpty());
    assertFalse(toggle.isSelected(), "cancelled: still off");

    toggle.click();
    dashboard.click("button", "Require verification");
    dashboard.awaitStatus("unsigned visitors are refused");
    assertTrue(app(app.getString("id")).getBoolean("require_identity_verification"));
    assertTrue(toggle.isSelected());

    toggle.click();
    dashboard.awaitStatus("Identity verification is optional");
    assertFalse(app(app.getString("id")).getBoolean("require_identity_verification"));
  }

  @Test
  void anInvalidOriginIsShownAtItsFieldAndChangesNothing() {
    JsonObject app = Organizations.createApp(owner.api(), "Embedded");
    Dashboard dashboard = dashboard(owner.token()).open("/settings/apps/" + app.getString("id"));

    WebElement origin = dashboard.textbox("Origin");
    origin.sendKeys("ftp://files.example.com/path");
    dashboard.click("button", "Add origin");

    dashboard.waitFor().until(d -> "true".equals(origin.getDomAttribute("aria-invalid")));
    assertTrue(dashboard.description(origin).contains("must be an origin such as"), () -> dashboard.description(origin));
    assertEquals(List.of("https://*.myshopify.com"), origins(app.getString("id")));

    origin.clear();
    origin.sendKeys("https://admin.example.com");
    dashboard.click("button", "Add origin");
    dashboard.find("button", "Remove https://admin.example.com");
    assertEquals(List.of("https://*.myshopify.com", "https://admin.example.com"), origins(app.getString("id")));
    assertEquals("false", origin.getDomAttribute("aria-invalid"));

    dashboard.click("button", "Remove https://*.myshopify.com");
    dashboard.awaitStatus("https://*.myshopify.com may no longer embed the widget");
    assertEquals(List.of("https://admin.example.com"), origins(app.getString("id")));
  }

  private List<String> origins(String appId) {
    return app(appId).getJsonArray("allowed_origins").getValuesAs(jakarta.json.JsonString::getString);
  }

  @Test
  void officeHoursAreSavedInTheApisShapeAndTheAppIsDeletedOnceItsNameIsTypedThenRestored() {
    JsonObject app = Organizations.createApp(owner.api(), "Hours");
    String id = app.getString("id");
    Dashboard dashboard = dashboard(owner.token()).open("/settings/apps/" + id);

    dashboard.find("checkbox", "Set office hours").click();
    new Select(dashboard.find("combobox", "Time zone")).selectByValue("Europe/Paris");
    dashboard.find("checkbox", "Friday").click();
    dashboard.find("checkbox", "Saturday").click();
    dashboard.click("button", "Add hours on Monday");
    setTime(dashboard, "Monday, opens (2)", "18:00");
    setTime(dashboard, "Monday, closes (2)", "00:00"); // midnight
    dashboard.click("button", "Save office hours");

    dashboard.awaitStatus("Office hours were saved");
    JsonObject hours = app(id).getJsonObject("office_hours");
    assertEquals("Europe/Paris", hours.getString("timezone"));
    assertEquals(Json.createReader(new StringReader("""
        {"mon": [["09:00", "17:00"], ["18:00", "24:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
         "thu": [["09:00", "17:00"]], "sat": [["09:00", "17:00"]]}
        """)).readObject(), hours.getJsonObject("days"));

    setTime(dashboard, "Tuesday, opens", "18:00");
    dashboard.click("button", "Save office hours");
    WebElement tuesday = time(dashboard, "Tuesday, opens");
    dashboard.waitFor().until(d -> "true".equals(tuesday.getDomAttribute("aria-invalid")));
    assertTrue(dashboard.description(tuesday).contains("open before close"), () -> dashboard.description(tuesday));
    assertEquals(hours, app(id).getJsonObject("office_hours"), "a refused change changes nothing");

    dashboard.find("checkbox", "Set office hours").click();
    dashboard.click("button", "Save office hours");
    dashboard.awaitStatus("Office hours were removed");
    assertTrue(app(id).isNull("office_hours"));

    dashboard.click("button", "Delete app");
    dashboard.find("dialog", "Delete “Hours”?");
    WebElement confirm = dashboard.button("Delete this app");
    assertFalse(confirm.isEnabled(), "waits for the name");
    dashboard.textbox("Type Hours to confirm").sendKeys("Hours");
    dashboard.click("button", "Delete this app");
    dashboard.awaitStatus("“Hours” was deleted. You can restore it until");
    assertFalse(app(id).isNull("purge_after"), "the app waits out its grace period");
    dashboard.waitFor().until(d -> mainText(dashboard).contains("Add your first app"));
    dashboard.find("heading", "Deleted apps");
    dashboard.assertAccessible("Settings → Apps with a deleted app");

    dashboard.click("button", "Restore Hours");
    dashboard.awaitStatus("“Hours” was restored");
    assertTrue(app(id).isNull("deleted_at"));
    dashboard.waitFor().until(d -> dashboard.byRole("heading", "Deleted apps").isEmpty());
  }

  /** A time input by its label (it has no ARIA role of its own), set as a picker would and committed. */
  private static WebElement time(Dashboard dashboard, String name) {
    return dashboard.waitFor().withMessage(() -> "no time input named '" + name + "'").until(d ->
        dashboard.browser.findElements(By.cssSelector("input[type=time]")).stream()
            .filter(e -> name.equals(e.getAccessibleName())).findFirst().orElse(null));
  }

  private static void setTime(Dashboard dashboard, String name, String value) {
    dashboard.browser.executeScript("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", time(dashboard, name), value);
  }

  @Test
  void anInvitedMemberJoinsFromTheLinkAndTheirRoleChanges() {
    Dashboard dashboard = dashboard(owner.token()).open("/settings/team");
    String email = Organizations.uniqueEmail("joiner");

    dashboard.textbox("Email").sendKeys(email);
    dashboard.click("button", "Invite member");
    WebElement link = dashboard.textbox("Invitation link");
    String url = link.getDomProperty("value");
    assertTrue(url.startsWith(Api.BASE_URL + "/app/#/invite/"), url);
    dashboard.find("button", "Copy Invitation link");
    dashboard.awaitStatus(email + " was invited as agent");

    Dashboard invitee = dashboard(null);
    invitee.browser.get(url);
    invitee.textbox("Your name").sendKeys(MARKUP + " Joiner");
    invitee.textbox("Password").sendKeys(Organizations.PASSWORD);
    invitee.click("button", "Join the team");
    invitee.waitFor().until(d -> invitee.browser.getCurrentUrl().endsWith("#/inbox"));
    assertEquals("page", invitee.link("Inbox").getDomAttribute("aria-current"));
    assertTrue(invitee.browser.findElement(By.tagName("header")).getText().contains(MARKUP + " Joiner"), "signed in as the new member");

    dashboard.browser.navigate().refresh();
    WebElement role = dashboard.find("combobox", "Role of " + MARKUP + " Joiner");
    assertTrue(dashboard.browser.findElements(By.cssSelector("main b")).isEmpty(), "no markup from the member's name");
    new Select(role).selectByValue("admin");
    dashboard.awaitStatus(MARKUP + " Joiner is now an admin");
    JsonObject member = Eventually.await(() -> memberByEmail(email), m -> "admin".equals(m.getString("role")), API_CHANGE, "the role change");
    assertEquals("active", member.getString("status"));

    dashboard.assertAccessible("Settings → Team");
    dashboard.screenshot("settings-team");
  }

  private JsonObject memberByEmail(String email) {
    return owner.api().get("/api/v1/members").json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("email").equals(email)).findFirst().orElseThrow();
  }

  @Test
  void anApiKeyIsShownOnceAndWorksUntilRevoked() {
    Dashboard dashboard = dashboard(owner.token()).open("/settings/api-keys");
    String name = "Order sync " + MARKUP;

    dashboard.textbox("Name").sendKeys(name);
    dashboard.click("button", "Create API key");
    String key = dashboard.textbox("API key “" + name + "”").getDomProperty("value");
    assertTrue(key.startsWith("cvk_"), key);
    assertTrue(dashboard.description(dashboard.textbox("API key “" + name + "”")).contains("shown only this once"));
    assertEquals(200, Api.withToken(key).get("/api/v1/me").status());
    dashboard.assertAccessible("Settings → API keys, a new key shown");
    dashboard.screenshot("settings-api-keys");

    dashboard.browser.navigate().refresh();
    dashboard.find("table", "API keys");
    dashboard.find("button", "Revoke " + name);
    assertFalse(dashboard.browser.getPageSource().contains(key), "the key is gone from the page");
    assertTrue(dashboard.byRole("textbox", "API key “" + name + "”").isEmpty());
    assertTrue(dashboard.find("table", "API keys").getText().contains(name));
    assertTrue(dashboard.find("table", "API keys").getText().contains(key.substring(0, 12)), "the prefix is listed");
    dashboard.assertAccessible("Settings → API keys");

    dashboard.click("button", "Revoke " + name);
    dashboard.find("dialog", "Revoke “" + name + "”?");
    dashboard.click("button", "Revoke key");
    dashboard.awaitStatus("was revoked");
    assertEquals(401, Api.withToken(key).get("/api/v1/me").status());
    assertTrue(dashboard.byRole("button", "Revoke " + name).isEmpty());
  }

  @Test
  void accountChangesThePasswordAndShowsTheRefusalAtItsField() {
    Dashboard dashboard = dashboard(owner.token()).open("/settings/account");
    dashboard.waitFor().until(d -> mainText(dashboard).contains(owner.email()));
    assertTrue(mainText(dashboard).contains("Settings Co"), () -> mainText(dashboard));

    WebElement current = dashboard.textbox("Current password");
    current.sendKeys("not my password");
    dashboard.textbox("New password").sendKeys("a new correct horse");
    dashboard.textbox("Confirm new password").sendKeys("a new correct horse");
    dashboard.click("button", "Change password");
    dashboard.waitFor().until(d -> "true".equals(current.getDomAttribute("aria-invalid")));
    assertFalse(dashboard.description(current).isBlank());
    assertEquals(200, Api.anonymous().post("/api/v1/auth/login", login(Organizations.PASSWORD)).status(), "unchanged");
    dashboard.assertAccessible("Settings → Account, a refused change");

    current.clear();
    current.sendKeys(Organizations.PASSWORD);
    dashboard.click("button", "Change password");
    dashboard.awaitStatus("Your password was changed");
    assertEquals(200, Api.anonymous().post("/api/v1/auth/login", login("a new correct horse")).status());
    assertEquals(200, owner.api().get("/api/v1/me").status(), "the dashboard's own session stays signed in");
  }

  private String login(String password) {
    return Json.createObjectBuilder().add("email", owner.email()).add("password", password).build().toString();
  }

  @Test
  void anAgentReadsAppsButChangesNothing() {
    JsonObject app = Organizations.createApp(owner.api(), "Read only");
    Team.Joined agent = Team.join(owner, "agent");
    Dashboard dashboard = dashboard(agent.token()).open("/settings/apps/" + app.getString("id"));

    dashboard.find("heading", "Read only");
    dashboard.waitFor().until(d -> mainText(dashboard).contains("Only owners and admins can change an app's settings"));
    dashboard.find("figure", "Widget snippet");
    assertTrue(dashboard.byRole("button", "Reveal secret").isEmpty());
    assertTrue(dashboard.byRole("button", "Delete app").isEmpty());
    assertFalse(dashboard.find("checkbox", "Require identity verification").isEnabled());

    dashboard.open("/settings/api-keys");
    dashboard.waitFor().until(d -> mainText(dashboard).contains("Only owners and admins can see and create API keys"));
    dashboard.open("/settings/team");
    dashboard.waitFor().until(d -> mainText(dashboard).contains("Only owners and admins can invite and change members"));
    assertTrue(dashboard.byRole("button", "Invite member").isEmpty());
  }
}
