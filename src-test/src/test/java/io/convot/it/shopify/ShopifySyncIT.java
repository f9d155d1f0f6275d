package io.convot.it.shopify;

import static io.convot.it.shopify.RevenueFixtures.daysAgo;
import static io.convot.it.shopify.RevenueFixtures.domain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sync against known fixtures: every shop's install state, plan, revenue and churn risk come out
 * as the fixtures say (frozen, annual, uninstalled, reinstalled, falling usage included), over
 * several pages; a later run reads only what is new and stores nothing twice.
 */
class ShopifySyncIT {

  private static Shopify shopify;
  private static int fixtureEvents;

  @BeforeAll
  static void syncTheFixtures() {
    shopify = Shopify.setUp("Revenue");
    fixtureEvents = RevenueFixtures.load(shopify.partner, shopify.shopifyApp);
    shopify.connectAndSync();
  }

  @Test
  void aPayingShopHasItsPlanMonthlyAndLifetimeRevenue() {
    JsonObject alpha = shop("alpha");

    assertEquals("Alpha", alpha.getString("name"));
    assertTrue(alpha.getBoolean("installed"));
    assertEquals("Pro", alpha.getString("plan"));
    assertEquals("active", alpha.getString("last_charge_state"));
    assertMoney("49.00", alpha, "mrr");
    assertMoney("78.40", alpha, "lifetime_revenue"); // three sales of 39.20 net, one refunded
    assertEquals("USD", alpha.getString("currency"));
    assertEquals("low", alpha.getString("churn_risk"));
    assertEquals(List.of(), reasons(alpha));
    assertEquals(shopify.appId(), alpha.getString("app_id"));
  }

  @Test
  void aFrozenChargeEarnsNothingAndIsAHighRisk() {
    JsonObject bravo = shop("bravo");

    assertEquals("Growth yearly", bravo.getString("plan"));
    assertEquals("frozen", bravo.getString("last_charge_state"));
    assertMoney("0.00", bravo, "mrr");
    assertMoney("232.00", bravo, "lifetime_revenue");
    assertEquals("high", bravo.getString("churn_risk"));
    assertEquals(List.of("charge_frozen"), reasons(bravo));
  }

  @Test
  void aYearlyPlanCountsATwelfthAsMonthlyRevenue() {
    JsonObject foxtrot = shop("foxtrot");

    assertMoney("10.00", foxtrot, "mrr");
    assertMoney("96.00", foxtrot, "lifetime_revenue");
    assertEquals("low", foxtrot.getString("churn_risk"));
  }

  @Test
  void anUninstalledShopKeepsItsReasonAndLifetimeRevenue() {
    JsonObject charlie = shop("charlie");

    assertFalse(charlie.getBoolean("installed"));
    assertEquals("Too expensive: Found a cheaper app", charlie.getString("uninstall_reason"));
    assertTrue(charlie.isNull("plan"));
    assertMoney("0.00", charlie, "mrr");
    assertMoney("7.99", charlie, "lifetime_revenue");
    assertEquals("high", charlie.getString("churn_risk"));
    assertEquals(List.of("uninstalled"), reasons(charlie));
  }

  @Test
  void aRecentUninstallAndReinstallIsAMediumRisk() {
    JsonObject delta = shop("delta");

    assertTrue(delta.getBoolean("installed"));
    assertTrue(delta.isNull("uninstall_reason"));
    assertEquals("Pro", delta.getString("plan"));
    assertMoney("49.00", delta, "mrr");
    assertEquals("medium", delta.getString("churn_risk"));
    assertEquals(List.of("recent_reinstall"), reasons(delta));
  }

  @Test
  void usageFallingBelowHalfIsAMediumRisk() {
    JsonObject echo = shop("echo");

    assertMoney("5.00", echo, "mrr");
    assertMoney("120.00", echo, "lifetime_revenue");
    assertEquals("medium", echo.getString("churn_risk"));
    assertEquals(List.of("usage_dropping"), reasons(echo));
  }

  @Test
  void everyShopAndTransactionArrivesAcrossPages() {
    assertMoney("88.00", shop("kilo0"), "lifetime_revenue"); // 110 one-time sales of 0.80: two pages
    assertEquals(RevenueFixtures.SHOPS, Database.count("SELECT count(*) FROM shopify_shops WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
    Api.Reply firstPage = shopify.api().get("/api/v1/integrations/shopify/shops?limit=100");
    assertEquals(100, firstPage.json().getJsonArray("data").size());
    Api.Reply secondPage = shopify.api().get("/api/v1/integrations/shopify/shops?limit=100&cursor=" + firstPage.string("next_cursor"));
    assertEquals(RevenueFixtures.SHOPS - 100, secondPage.json().getJsonArray("data").size());
    assertTrue(secondPage.isNull("next_cursor"));
  }

  @Test
  void theSummaryAddsUpTheShops() {
    Api.Reply reply = shopify.api().get("/api/v1/revenue/summary");

    assertEquals(200, reply.status(), reply::toString);
    JsonObject summary = reply.json();
    assertEquals(RevenueFixtures.SHOPS, summary.getInt("shops"));
    assertEquals(RevenueFixtures.SHOPS - 1, summary.getInt("installed"));
    assertEquals(1, summary.getInt("uninstalled"));
    assertEquals(2, summary.getJsonObject("churn_risk").getInt("high"));
    assertEquals(2, summary.getJsonObject("churn_risk").getInt("medium"));
    assertEquals(RevenueFixtures.SHOPS - 4, summary.getJsonObject("churn_risk").getInt("low"));
    JsonObject usd = summary.getJsonArray("totals").getJsonObject(0);
    assertEquals("USD", usd.getString("currency"));
    assertMoney("113.00", usd, "mrr");
    assertMoney("622.39", usd, "lifetime_revenue");
    assertMoney("0.00", usd, "mrr_at_risk");
    assertEquals(4, summary.getJsonArray("at_risk").size());
    assertEquals("high", summary.getJsonArray("at_risk").getJsonObject(0).getString("churn_risk"));
  }

  @Test
  void filtersNarrowTheShops() {
    List<String> high = shopify.api().get("/api/v1/integrations/shopify/shops?churn_risk=high").json().getJsonArray("data")
        .stream().map(shop -> shop.asJsonObject().getString("myshopify_domain")).sorted().toList();
    assertEquals(List.of(domain("bravo"), domain("charlie")).stream().sorted().toList(), high);
    assertEquals(1, shopify.api().get("/api/v1/integrations/shopify/shops?installed=false").json().getJsonArray("data").size());
    assertEquals(422, shopify.api().get("/api/v1/integrations/shopify/shops?churn_risk=extreme").status());
    assertEquals(422, shopify.api().get("/api/v1/integrations/shopify/shops?installed=maybe").status());
  }

  @Test
  void aLaterRunReadsWhatIsNewAndStoresNothingTwice() {
    Shopify own = Shopify.setUp("Incremental");
    int events = RevenueFixtures.load(own.partner, own.shopifyApp);
    own.connectAndSync();
    String alpha = domain("alpha");
    own.partner.event(own.shopifyApp, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_CANCELED", alpha, "Alpha", daysAgo(0),
        "gid://shopify/AppSubscription/1", "Pro", "49.00"));
    int before = own.partner.requests().size();

    String lastSync = own.status().getString("last_sync_at");
    assertEquals(202, own.api().post("/api/v1/integrations/shopify/sync", "").status());
    own.awaitStatus(status -> !lastSync.equals(status.getString("last_sync_at", lastSync)) && !status.getBoolean("syncing"),
        "a second run succeeds");

    JsonObject shop = own.api().get("/api/v1/integrations/shopify/shops?myshopify_domain=" + alpha).json()
        .getJsonArray("data").getJsonObject(0);
    assertTrue(shop.isNull("plan"));
    assertEquals("cancelled", shop.getString("last_charge_state"));
    assertEquals("medium", shop.getString("churn_risk"));
    assertEquals(List.of("charge_cancelled"), reasons(shop));
    assertEquals(events + 1, Database.count("SELECT count(*) FROM shopify_lifecycle_events WHERE organization_id = ?::uuid",
        own.owner.organizationId()), "each event stored once");
    assertEquals(own.partner.transactionsStored(), Database.count(
        "SELECT count(*) FROM shopify_transactions WHERE organization_id = ?::uuid", own.owner.organizationId()));
    List<PartnerOrganization.Request> later = own.partner.requests().subList(before, own.partner.requests().size());
    assertFalse(later.isEmpty());
    assertTrue(later.stream().allMatch(PartnerOrganization.Request::since), "later runs read from the marks: " + later);
    own.api().delete("/api/v1/integrations/shopify");
  }

  @AfterAll
  static void disconnect() {
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void theFixturesWereReadInFull() {
    assertEquals(fixtureEvents, Database.count("SELECT count(*) FROM shopify_lifecycle_events WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
  }

  private static JsonObject shop(String name) {
    Api.Reply reply = shopify.api().get("/api/v1/integrations/shopify/shops?myshopify_domain=" + domain(name));
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(1, reply.json().getJsonArray("data").size(), reply::toString);
    return reply.json().getJsonArray("data").getJsonObject(0);
  }

  static void assertMoney(String expected, JsonObject object, String field) {
    assertFalse(object.isNull(field), field + " is null in " + object);
    BigDecimal actual = object.getJsonNumber(field).bigDecimalValue();
    assertEquals(0, new BigDecimal(expected).compareTo(actual), field + ": expected " + expected + " but was " + actual);
  }

  static List<String> reasons(JsonObject shop) {
    return shop.getJsonArray("churn_reasons").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
