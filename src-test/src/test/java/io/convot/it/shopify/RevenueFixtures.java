package io.convot.it.shopify;

import static io.convot.it.support.partner.PartnerOrganization.charge;
import static io.convot.it.support.partner.PartnerOrganization.installed;
import static io.convot.it.support.partner.PartnerOrganization.sale;
import static io.convot.it.support.partner.PartnerOrganization.uninstalled;

import io.convot.it.support.partner.PartnerOrganization;
import java.time.Duration;
import java.time.Instant;

/**
 * Known shops of one Shopify app, dated relative to now, and what Convot must derive from them:
 * <ul>
 *   <li>alpha: Pro at 49.00 a month, three sales and one refund: MRR 49.00, lifetime 78.40, low risk;</li>
 *   <li>bravo: a yearly plan whose charge froze three days ago: MRR 0.00, frozen, high risk;</li>
 *   <li>charlie: uninstalled ten days ago ("Too expensive"): lifetime 7.99, high risk;</li>
 *   <li>delta: uninstalled, then installed again five days ago on Pro: MRR 49.00, medium risk;</li>
 *   <li>echo: usage revenue fell from 100.00 to 20.00 a month: MRR 5.00, lifetime 120.00, medium risk;</li>
 *   <li>foxtrot: 120.00 a year: MRR 10.00, lifetime 96.00, low risk;</li>
 *   <li>120 more shops that installed and pay nothing, the first of them with 110 one-time sales of
 *       0.80 net (so events and transactions each take two pages).</li>
 * </ul>
 */
final class RevenueFixtures {

  static final int FILLER_SHOPS = 120;
  static final int FILLER_SALES = 110;
  static final int SHOPS = 6 + FILLER_SHOPS;

  private RevenueFixtures() {}

  static Instant daysAgo(long days) {
    return Instant.now().minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  static String domain(String name) {
    return name + "-" + Math.abs(name.hashCode() % 997) + ".myshopify.com";
  }

  /** Loads the shops above into the Partner organization's app; answers how many events that made. */
  static int load(PartnerOrganization partner, long app) {
    int events = 0;
    String alpha = domain("alpha");
    events += add(partner, app, installed(alpha, "Alpha", daysAgo(200)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", alpha, "Alpha", daysAgo(200), "gid://shopify/AppSubscription/1", "Pro", "49.00"));
    for (int month = 0; month < 3; month++) {
      partner.transaction(app, sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/a" + month, alpha, "Alpha",
          daysAgo(170 - 30L * month), "gid://shopify/AppSubscription/1", "EVERY_30_DAYS", "49.00", "39.20"));
    }
    partner.transaction(app, sale("AppSaleAdjustment", "gid://partners/AppSaleAdjustment/a", alpha, "Alpha", daysAgo(100),
        "gid://shopify/AppSubscription/1", null, "-49.00", "-39.20"));

    String bravo = domain("bravo");
    events += add(partner, app, installed(bravo, "Bravo", daysAgo(90)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", bravo, "Bravo", daysAgo(90), "gid://shopify/AppSubscription/2", "Growth yearly", "290.00"),
        charge("SUBSCRIPTION_CHARGE_FROZEN", bravo, "Bravo", daysAgo(3), "gid://shopify/AppSubscription/2", "Growth yearly", "290.00"));
    partner.transaction(app, sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/b", bravo, "Bravo", daysAgo(90),
        "gid://shopify/AppSubscription/2", "ANNUAL", "290.00", "232.00"));

    String charlie = domain("charlie");
    events += add(partner, app, installed(charlie, "Charlie", daysAgo(120)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", charlie, "Charlie", daysAgo(120), "gid://shopify/AppSubscription/3", "Basic", "9.99"),
        uninstalled(charlie, "Charlie", daysAgo(10), "Too expensive", "Found a cheaper app"));
    partner.transaction(app, sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/c", charlie, "Charlie", daysAgo(100),
        "gid://shopify/AppSubscription/3", "EVERY_30_DAYS", "9.99", "7.99"));

    String delta = domain("delta");
    events += add(partner, app, installed(delta, "Delta", daysAgo(100)),
        uninstalled(delta, "Delta", daysAgo(20), "Not needed", ""),
        installed(delta, "Delta", daysAgo(5)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", delta, "Delta", daysAgo(5), "gid://shopify/AppSubscription/4", "Pro", "49.00"));

    String echo = domain("echo");
    events += add(partner, app, installed(echo, "Echo", daysAgo(80)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", echo, "Echo", daysAgo(80), "gid://shopify/AppSubscription/5", "Usage", "5.00"));
    partner.transaction(app, sale("AppUsageSale", "gid://partners/AppUsageSale/e1", echo, "Echo", daysAgo(50), null, null, "62.50", "50.00"));
    partner.transaction(app, sale("AppUsageSale", "gid://partners/AppUsageSale/e2", echo, "Echo", daysAgo(40), null, null, "62.50", "50.00"));
    partner.transaction(app, sale("AppUsageSale", "gid://partners/AppUsageSale/e3", echo, "Echo", daysAgo(10), null, null, "25.00", "20.00"));

    String foxtrot = domain("foxtrot");
    events += add(partner, app, installed(foxtrot, "Foxtrot", daysAgo(60)),
        charge("SUBSCRIPTION_CHARGE_ACTIVATED", foxtrot, "Foxtrot", daysAgo(60), "gid://shopify/AppSubscription/6", "Annual", "120.00"));
    partner.transaction(app, sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/f", foxtrot, "Foxtrot", daysAgo(60),
        "gid://shopify/AppSubscription/6", "ANNUAL", "120.00", "96.00"));

    for (int i = 0; i < FILLER_SHOPS; i++) {
      events += add(partner, app, installed(domain("kilo" + i), "Kilo " + i, daysAgo(150).plusSeconds(i)));
    }
    for (int i = 0; i < FILLER_SALES; i++) {
      partner.transaction(app, sale("AppOneTimeSale", "gid://partners/AppOneTimeSale/k" + i, domain("kilo0"), "Kilo 0",
          daysAgo(140).plusSeconds(i), "gid://shopify/AppPurchaseOneTime/" + i, null, "1.00", "0.80"));
    }
    return events;
  }

  private static int add(PartnerOrganization partner, long app, jakarta.json.JsonObject... events) {
    for (jakarta.json.JsonObject event : events) {
      partner.event(app, event);
    }
    return events.length;
  }
}
