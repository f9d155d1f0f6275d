package io.convot.it.browser;

import static io.convot.it.support.partner.PartnerOrganization.charge;
import static io.convot.it.support.partner.PartnerOrganization.installed;
import static io.convot.it.support.partner.PartnerOrganization.sale;
import static io.convot.it.support.partner.PartnerOrganization.uninstalled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.shopify.Shopify;
import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's Contacts, contact and Revenue pages in headless Chromium, over contacts made
 * through the widget API and shops synced from the simulated Partner API: searches list exactly
 * the matching contacts, a contact's page shows what the widget told (as text, never as markup),
 * and revenue figures reach owners and members with revenue access only.
 */
class DashboardContactsRevenueBrowserIT {

  private static final String MARKUP = "<img src=x onerror=alert(1)>";
  private static final String ALPHA = "alpha-goods.myshopify.com";
  private static final String BRAVO = "bravo-gear.myshopify.com";
  private static final String CHARLIE = "charlie-tea.myshopify.com";
  private static final String DELTA = "delta-prints.myshopify.com";
  /** Shops that installed and pay nothing, so the shops take two pages of the revenue page. */
  private static final int FILLER_SHOPS = 26;

  private static Shopify shopify;
  private static Visitor ann;
  private static Visitor bob;
  private static Visitor cat;

  private Dashboard dashboard;

  /** A contact made by a widget session, and its session token. */
  private record Visitor(String contactId, String sessionToken, String email) {}

  /**
   * Four shops (alpha: Pro at 49.00, low risk; bravo: charge frozen, high; charlie: uninstalled,
   * high; delta: reinstalled five days ago, medium) besides the fillers (low), and four contacts: Ann (verified, segments vip
   * and beta, shop alpha, events, a conversation), Bob (vip, shop bravo), Cat (beta, shop charlie)
   * and an anonymous visitor.
   */
  @BeforeAll
  static void syncShopsAndMeetVisitors() {
    shopify = Shopify.setUp("Merchant desk");
    long app = shopify.shopifyApp;
    shopify.partner
        .event(app, installed(ALPHA, "Alpha Goods", daysAgo(100)))
        .event(app, subscription("ACTIVATED", ALPHA, "Alpha Goods", 100, 1, "Pro", "49.00"))
        .transaction(app, subscriptionSale("a1", ALPHA, "Alpha Goods", 70, 1, "EVERY_30_DAYS", "49.00", "39.20"))
        .transaction(app, subscriptionSale("a2", ALPHA, "Alpha Goods", 40, 1, "EVERY_30_DAYS", "49.00", "39.20"))
        .event(app, installed(BRAVO, "Bravo Gear", daysAgo(90)))
        .event(app, subscription("ACTIVATED", BRAVO, "Bravo Gear", 90, 2, "Growth yearly", "290.00"))
        .event(app, subscription("FROZEN", BRAVO, "Bravo Gear", 3, 2, "Growth yearly", "290.00"))
        .transaction(app, subscriptionSale("b1", BRAVO, "Bravo Gear", 90, 2, "ANNUAL", "290.00", "232.00"))
        .event(app, installed(CHARLIE, "Charlie Tea", daysAgo(120)))
        .event(app, subscription("ACTIVATED", CHARLIE, "Charlie Tea", 120, 3, "Basic", "9.99"))
        .event(app, uninstalled(CHARLIE, "Charlie Tea", daysAgo(10), "Too expensive", "Found a cheaper app"))
        .event(app, installed(DELTA, "Delta Prints", daysAgo(100)))
        .event(app, uninstalled(DELTA, "Delta Prints", daysAgo(20), "Not needed", ""))
        .event(app, installed(DELTA, "Delta Prints", daysAgo(5)))
        .event(app, subscription("ACTIVATED", DELTA, "Delta Prints", 5, 4, "Pro", "49.00"));
    for (int i = 0; i < FILLER_SHOPS; i++) {
      shopify.partner.event(app, installed("kilo-" + i + ".myshopify.com", "Kilo " + i, daysAgo(150).plusSeconds(i)));
    }
    shopify.connectAndSync();

    Widget widget = new Widget(shopify.app.getString("app_key"));
    String annEmail = Organizations.uniqueEmail("ann");
    ann = visitor(widget, Json.createObjectBuilder()
        .add("user", Json.createObjectBuilder().add("email", annEmail).add("nickname", "Ann Archer"))
        .add("user_hash", Widget.userHash(shopify.app.getString("identity_secret"), annEmail))
        .add("data", Json.createObjectBuilder().add("shop", ALPHA).add("plan", "pro").add("note", MARKUP))
        .add("segments", Json.createArrayBuilder().add("vip").add("beta")));
    event(ann, "signed_up", Json.createObjectBuilder().add("plan", "pro").add("source", MARKUP), "green");
    event(ann, "invited_staff", Json.createObjectBuilder().add("count", 3), "blue");
    assertEquals(201, Widget.send(ann.sessionToken(), "Hello from Ann").status());
    bob = visitor(widget, identified("bob", BRAVO).add("segments", Json.createArrayBuilder().add("vip")));
    cat = visitor(widget, identified("cat", CHARLIE).add("segments", Json.createArrayBuilder().add("beta")));
    visitor(widget, Json.createObjectBuilder()); // an anonymous visitor
  }

  @AfterAll
  static void disconnect() {
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @AfterEach
  void closeBrowser() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  @Test
  void searchingByEmailSegmentAndShopListsExactlyTheMatchingContacts() {
    dashboard = new Dashboard().recordingPolicyViolations().signedIn(shopify.owner.token(), "/contacts");
    awaitContacts(Set.of("Ann Archer", bob.email(), cat.email(), "Anonymous visitor"), "4 contacts");
    dashboard.assertAccessible("the contact list");
    dashboard.screenshot("contacts");

    new Select(dashboard.find("combobox", "Search by")).selectByVisibleText("Email");
    dashboard.find("searchbox", "Email").sendKeys(bob.email().toUpperCase(), Keys.ENTER);
    awaitContacts(Set.of(bob.email()), "1 contact with email “" + bob.email().toUpperCase() + "”");

    dashboard.open("/contacts?segment=vip");
    awaitContacts(Set.of("Ann Archer", bob.email()), "2 contacts with segment “vip”");

    dashboard.link("Clear").click();
    awaitContacts(Set.of("Ann Archer", bob.email(), cat.email(), "Anonymous visitor"), "4 contacts");
    dashboard.find("searchbox", "Segment").sendKeys(ALPHA); // clearing the value keeps the filter chosen last
    assertEquals("Shop", new Select(dashboard.find("combobox", "Search by")).getFirstSelectedOption().getText(),
        "a shop's domain picks the shop filter");
    dashboard.button("Search").click();
    awaitContacts(Set.of("Ann Archer"), "1 contact with shop “" + ALPHA + "”");
    assertTrue(dashboard.browser.getCurrentUrl().endsWith("#/contacts?shop=" + ALPHA), dashboard.browser.getCurrentUrl());

    dashboard.link("Segment beta").click();
    awaitContacts(Set.of("Ann Archer", cat.email()), "2 contacts with segment “beta”");
    assertUnderThePolicyWithoutErrors();
  }

  @Test
  void aValueThatNoFilterAcceptsIsExplainedAtTheSearchBox() {
    dashboard = new Dashboard().signedIn(shopify.owner.token(), "/contacts");
    dashboard.open("/contacts");
    new Select(dashboard.find("combobox", "Search by")).selectByVisibleText("Shop");
    dashboard.find("searchbox", "Shop").sendKeys("alpha-goods.com");
    dashboard.button("Search").click();

    WebElement box = dashboard.find("searchbox", "Shop");
    dashboard.waitFor().until(d -> "true".equals(box.getAttribute("aria-invalid")));
    assertTrue(text().contains("shop must be a shop's myshopify.com domain"), text());
    assertTrue(dashboard.browser.findElements(By.cssSelector("table")).isEmpty(), "no rows for a refused search");
  }

  @Test
  void aContactPageShowsWhatTheWidgetToldAsTextAndItsConversations() {
    String conversationId = shopify.api().get("/api/v1/conversations?contact_id=" + ann.contactId()).json()
        .getJsonArray("data").getJsonObject(0).getString("id");
    dashboard = new Dashboard().recordingPolicyViolations().signedIn(shopify.owner.token(), "/contacts");
    dashboard.open("/contacts");
    dashboard.link("Ann Archer").click();

    dashboard.find("heading", "Ann Archer");
    String data = awaitRegion("Session data", MARKUP);
    assertTrue(data.contains("plan\npro") && data.contains("shop\n" + ALPHA), data);
    String events = awaitRegion("Events", "invited_staff");
    assertTrue(events.contains("signed_up") && events.contains(MARKUP) && events.contains("count\n3"), events);
    dashboard.link("Segment vip");
    dashboard.link("Segment beta");
    String details = awaitRegion("Details", ann.email());
    assertTrue(details.contains("Verified") && !details.contains("Unverified"), "Ann's identity is signed: " + details);
    WebElement conversation = dashboard.waitFor().until(d -> d.findElements(By.cssSelector("a[href='#/inbox/open/" + conversationId + "']"))
        .stream().findFirst().orElse(null));
    assertTrue(conversation.getAccessibleName().startsWith("Conversation started"), conversation.getAccessibleName());
    String shop = awaitRegion("Shop", "Low risk");
    assertTrue(shop.contains("Alpha Goods") && shop.contains("Pro") && shop.contains(currency("49.00"))
        && shop.contains(currency("78.40")), shop);
    assertTrue(dashboard.browser.findElements(By.cssSelector("img[src='x']")).isEmpty(), "the markup stays text");
    assertNull(ExpectedConditions.alertIsPresent().apply(dashboard.browser), "no script ran");
    dashboard.assertAccessible("a contact's page");
    dashboard.screenshot("contact");

    assertUnderThePolicyWithoutErrors();

    conversation.click();
    dashboard.waitFor().until(ExpectedConditions.urlContains("#/inbox/open/" + conversationId));
  }

  @Test
  void editingAContactShowsFieldErrorsAndSavesOnlyWhatChanged() {
    Organizations.Owner owner = Organizations.signUp("Editing desk");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Editing", false).getString("app_key"));
    Visitor fay = visitor(widget, identified("fay", CHARLIE).add("segments", Json.createArrayBuilder().add("beta")));
    dashboard = new Dashboard().signedIn(owner.token(), "/contacts/" + fay.contactId());
    dashboard.button("Edit").click();
    dashboard.textbox("Segments").clear();
    dashboard.textbox("Segments").sendKeys("beta, <b>");
    dashboard.textbox("Phone").sendKeys("+44 20 7946 0000");
    dashboard.button("Save changes").click();

    dashboard.waitFor().until(d -> "true".equals(dashboard.textbox("Segments").getAttribute("aria-invalid")));
    assertTrue(text().contains("a segment is 1-100 letters, digits, spaces or _ . : -"), text());
    JsonObject refused = owner.api().get("/api/v1/contacts/" + fay.contactId()).json();
    assertEquals(List.of("beta"), strings(refused, "segments"), "a refused change stores nothing");
    assertTrue(refused.isNull("phone"), "a refused change stores nothing");

    dashboard.textbox("Segments").clear();
    dashboard.textbox("Segments").sendKeys("beta, Gold");
    dashboard.button("Save changes").click();
    dashboard.link("Segment gold");
    JsonObject saved = owner.api().get("/api/v1/contacts/" + fay.contactId()).json();
    assertEquals(List.of("beta", "gold"), strings(saved, "segments"));
    assertEquals("+44 20 7946 0000", saved.getString("phone"));
    assertEquals(CHARLIE, saved.getJsonObject("data").getString("shop"), "what the form left out stays");
    assertTrue(saved.isNull("nickname"), "a field left as it was is not sent");
    assertTrue(awaitRegion("Details", "+44 20 7946 0000").contains("Phone"));
  }

  @Test
  void deletingAContactAsksFirstThenRemovesIt() {
    Organizations.Owner owner = Organizations.signUp("Deleting desk");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Deleting", false).getString("app_key"));
    Visitor eve = visitor(widget, identified("eve", null));
    Visitor gus = visitor(widget, identified("gus", null));
    dashboard = new Dashboard().signedIn(owner.token(), "/contacts/" + eve.contactId());
    dashboard.button("Delete contact").click();

    WebElement dialog = dashboard.find("dialog", "Delete " + eve.email() + "?");
    assertTrue(dialog.getText().contains("Their conversations stay in the inbox"), dialog.getText());
    dashboard.button("Cancel").click();
    dashboard.waitFor().until(d -> dashboard.byRole("dialog", "Delete " + eve.email() + "?").isEmpty());
    assertEquals(200, owner.api().get("/api/v1/contacts/" + eve.contactId()).status(), "cancelling deletes nothing");

    dashboard.button("Delete contact").click();
    dashboard.button("Delete").click();
    dashboard.waitFor().until(ExpectedConditions.urlToBe(Dashboard.URL + "#/contacts"));
    assertEquals(404, owner.api().get("/api/v1/contacts/" + eve.contactId()).status());
    awaitContacts(Set.of(gus.email()), "1 contact");

    dashboard.open("/contacts/" + eve.contactId());
    dashboard.find("heading", "Contact not found");
    dashboard.open("/contacts");
    dashboard.find("heading", "Contacts");
    dashboard.open("/contacts/" + ann.contactId()); // another organization's
    dashboard.find("heading", "Contact not found");
  }

  @Test
  void theRevenuePageShowsTheSummaryFiguresAndLinksShopsToTheirContacts() {
    JsonObject summary = shopify.api().get("/api/v1/revenue/summary").json();
    JsonObject totals = summary.getJsonArray("totals").getJsonObject(0);
    JsonObject risk = summary.getJsonObject("churn_risk");
    assertEquals(Map.of("high", 2, "medium", 1, "low", 1 + FILLER_SHOPS), Map.of("high", risk.getInt("high"), "medium", risk.getInt("medium"),
        "low", risk.getInt("low")), "the fixtures' risks");
    dashboard = new Dashboard().recordingPolicyViolations().signedIn(shopify.owner.token(), "/contacts");
    dashboard.link("Revenue").click();

    String mrr = dashboard.find("group", "Total MRR").getText();
    assertTrue(mrr.contains(currency(totals.getJsonNumber("mrr").toString(), totals.getString("currency"))), mrr);
    WebElement chart = dashboard.find("list", "Shops by churn risk");
    List<String> bars = chart.findElements(By.tagName("li")).stream().map(li -> li.getText().replaceAll("\\s+", " ")).toList();
    assertEquals(List.of("High risk " + risk.getInt("high") + " shops", "Medium risk " + risk.getInt("medium") + " shop",
        "Low risk " + risk.getInt("low") + " shops"), bars);
    dashboard.waitFor().until(d -> statusSays("25 shops so far")
        && dashboard.find("table", "Shops").findElements(By.cssSelector("tbody tr")).size() == 25);
    dashboard.screenshot("revenue");
    dashboard.button("Load more shops").click();
    Set<String> all = new HashSet<>(Set.of("Alpha Goods", "Bravo Gear", "Charlie Tea", "Delta Prints"));
    IntStream.range(0, FILLER_SHOPS).forEach(i -> all.add("Kilo " + i));
    awaitShops(all, "30 shops");
    assertEquals(List.of(), dashboard.byRole("button", "Load more shops"), "every shop is listed");
    assertLinked("Alpha Goods", "Ann Archer", ann);
    assertLinked("Bravo Gear", bob.email(), bob);
    assertLinked("Charlie Tea", cat.email(), cat);
    assertTrue(rowOf("Delta Prints").getText().contains("None linked"));
    dashboard.assertAccessible("the revenue page");

    chart.findElement(By.partialLinkText("High risk")).click();
    awaitShops(Set.of("Bravo Gear", "Charlie Tea"), "2 shops matching the filters");
    assertTrue(dashboard.browser.getCurrentUrl().endsWith("#/revenue?churn_risk=high"), dashboard.browser.getCurrentUrl());
    new Select(dashboard.find("combobox", "Churn risk")).selectByVisibleText("Any risk");
    new Select(dashboard.find("combobox", "Status")).selectByVisibleText("Uninstalled");
    dashboard.button("Filter").click();
    awaitShops(Set.of("Charlie Tea"), "1 shop matching the filters");
    assertUnderThePolicyWithoutErrors();
  }

  @Test
  void aMemberWithoutRevenueAccessSeesNoRevenueAnywhere() {
    Team.Joined agent = Team.join(shopify.owner, "agent");
    dashboard = new Dashboard().recordingPolicyViolations().signedIn(agent.token(), "/contacts");
    dashboard.link("Contacts");
    assertEquals(List.of(), dashboard.byRole("link", "Revenue"), "no Revenue link");

    dashboard.open("/revenue");
    dashboard.waitFor().until(d -> text().contains("Revenue is for owners and for members an owner has given revenue access"));
    assertFalse(text().contains("Total MRR"), text());
    dashboard.assertAccessible("the revenue notice");

    dashboard.open("/contacts/" + ann.contactId());
    String shop = awaitRegion("Shop", "Low risk");
    assertTrue(shop.contains("Alpha Goods") && shop.contains("Pro"), shop);
    awaitRegion("Events", "invited_staff");
    String page = text();
    for (String figure : List.of("49.00", "78.40", "MRR", "Lifetime", "revenue")) {
      assertFalse(page.contains(figure), () -> "'" + figure + "' on an agent's page: " + page);
    }
    assertUnderThePolicyWithoutErrors();
  }

  // Fixtures

  private static Instant daysAgo(long days) {
    return Instant.now().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
  }

  /** A {@code SUBSCRIPTION_CHARGE_<change>} event of subscription {@code n}. */
  private static JsonObject subscription(String change, String domain, String name, long days, int n, String plan, String amount) {
    return charge("SUBSCRIPTION_CHARGE_" + change, domain, name, daysAgo(days), "gid://shopify/AppSubscription/" + n, plan, amount);
  }

  private static JsonObject subscriptionSale(String id, String domain, String name, long days, int n, String interval,
      String gross, String net) {
    return sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/" + id, domain, name, daysAgo(days),
        "gid://shopify/AppSubscription/" + n, interval, gross, net);
  }

  private static JsonObjectBuilder identified(String who, String shop) {
    JsonObjectBuilder body = Json.createObjectBuilder()
        .add("user", Json.createObjectBuilder().add("email", Organizations.uniqueEmail(who)));
    return shop == null ? body : body.add("data", Json.createObjectBuilder().add("shop", shop));
  }

  /** Starts a widget session with this body (user, user_hash, data, segments). */
  private static Visitor visitor(Widget widget, JsonObjectBuilder body) {
    JsonObject fields = body.build();
    String email = fields.containsKey("user") ? fields.getJsonObject("user").getString("email") : null;
    String json = fields.toString();
    Api.Reply started = widget.start(json.substring(1, json.length() - 1));
    assertEquals(201, started.status(), started::toString);
    return new Visitor(started.string("contact_id"), started.string("session_token"), email);
  }

  private static void event(Visitor visitor, String name, JsonObjectBuilder data, String color) {
    Api.Reply added = Widget.client(visitor.sessionToken()).post("/widget/v1/events",
        Json.createObjectBuilder().add("name", name).add("data", data).add("color", color).build().toString());
    assertEquals(201, added.status(), added::toString);
  }

  private static List<String> strings(JsonObject object, String field) {
    return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  // Reading the pages

  /** Nothing on the pages shown broke the content security policy or wrote an error to the console. */
  private void assertUnderThePolicyWithoutErrors() {
    assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
    assertEquals(List.of(), dashboard.consoleErrors(), "console errors");
  }

  private String text() {
    return dashboard.browser.findElement(By.tagName("main")).getText();
  }

  /** Money as the browser formats it in its own locale, as the dashboard does. */
  private String currency(String amount) {
    return currency(amount, "USD");
  }

  private String currency(String amount, String code) {
    return (String) dashboard.browser.executeScript(
        "return new Intl.NumberFormat(undefined, {style: 'currency', currency: arguments[1]}).format(arguments[0]);", amount, code);
  }

  /** Waits for the contacts table to list exactly these names, with the count saying the list is complete. */
  private void awaitContacts(Set<String> names, String count) {
    dashboard.waitFor().withMessage(() -> "contacts " + names + " (" + count + "); the page shows: " + text()).until(d -> {
      List<WebElement> tables = dashboard.byRole("table", "Contacts");
      if (tables.isEmpty() || !statusSays(count)) {
        return false;
      }
      return names.equals(tables.get(0).findElements(By.cssSelector("tbody th a")).stream().map(WebElement::getText)
          .collect(Collectors.toSet()));
    });
  }

  /** Whether a live region (the count of a list) says this. */
  private boolean statusSays(String words) {
    return dashboard.browser.findElements(By.cssSelector("[role=status]")).stream().anyMatch(e -> e.getText().equals(words));
  }

  /** Waits for the shops table to list exactly these shops, with the count saying the list is complete. */
  private void awaitShops(Set<String> names, String count) {
    dashboard.waitFor().withMessage(() -> "shops " + names + " (" + count + "); the page shows: " + text()).until(d -> {
      List<WebElement> tables = dashboard.byRole("table", "Shops");
      if (tables.isEmpty() || !statusSays(count)) {
        return false;
      }
      return names.equals(tables.get(0).findElements(By.cssSelector("tbody th")).stream()
          .map(th -> th.getText().split("\n")[0]).collect(Collectors.toSet()));
    });
  }

  private WebElement rowOf(String shopName) {
    return dashboard.find("table", "Shops").findElements(By.cssSelector("tbody tr")).stream()
        .filter(row -> row.getText().startsWith(shopName)).findFirst().orElseThrow();
  }

  private void assertLinked(String shopName, String contactName, Visitor contact) {
    WebElement link = dashboard.link(contactName);
    assertTrue(link.getAttribute("href").endsWith("#/contacts/" + contact.contactId()), link.getAttribute("href"));
    assertEquals(rowOf(shopName), link.findElement(By.xpath("ancestor::tr")));
  }

  /** The text of the region (a section named by its heading) once it contains {@code expected}. */
  private String awaitRegion(String name, String expected) {
    return dashboard.waitFor().withMessage(() -> "the region " + name + " showing " + expected).until(d -> {
      List<WebElement> found = dashboard.byRole("region", name);
      return found.size() == 1 && found.get(0).getText().contains(expected) ? found.get(0).getText() : null;
    });
  }
}
