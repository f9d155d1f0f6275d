package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.partner.PartnerApiSimulator;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How long one Shopify sync of {@value #EVENTS} lifecycle events and {@value #TRANSACTIONS}
 * transactions takes against the simulated Partner API, and how many API calls it makes; printed
 * and written to {@code target/benchmark/shopify-sync.txt}. Run with {@code mvn verify -Pbenchmark}.
 */
class ShopifySyncBenchmark {

  private static final int EVENTS = 10_000;
  private static final int TRANSACTIONS = 10_000;
  private static final int SHOPS = 2_000;

  @Test
  void syncTenThousandEventsAndTenThousandTransactions() throws IOException {
    Organizations.Owner owner = Organizations.signUp("Sync benchmark");
    long shopifyApp = 777_000 + System.nanoTime() % 1000;
    Api.Reply app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Benchmark app")
        .add("shopify_app_id", String.valueOf(shopifyApp)).build().toString());
    assertEquals(201, app.status(), app::toString);
    String token = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
    PartnerOrganization partner = PartnerApiSimulator.get().organization().token(token, true);
    load(partner, shopifyApp);

    Instant asked = Instant.now();
    Api.Reply connected = owner.api().send("PUT", "/api/v1/integrations/shopify", Json.createObjectBuilder()
        .add("partner_organization_id", partner.id()).add("access_token", token).build().toString());
    assertEquals(200, connected.status(), connected::toString);
    JsonObject status = Eventually.await(() -> owner.api().get("/api/v1/integrations/shopify").json(),
        current -> !current.isNull("last_sync_at"), Duration.ofMinutes(10), "the sync succeeds");
    Duration wall = Duration.between(asked, Instant.now());
    Duration run = Duration.between(Instant.parse(status.getString("last_run_at")), Instant.parse(status.getString("last_sync_at")));
    int calls = status.getInt("last_run_api_calls");
    var requests = partner.requests();
    Duration reading = Duration.between(requests.get(1).at(), requests.get(requests.size() - 1).at());
    Duration storing = Duration.between(requests.get(requests.size() - 1).at(), Instant.parse(status.getString("last_sync_at")));

    String organization = owner.organizationId();
    assertEquals(EVENTS, Database.count("SELECT count(*) FROM shopify_lifecycle_events WHERE organization_id = ?::uuid",
        UUID.fromString(organization)));
    assertEquals(TRANSACTIONS, Database.count("SELECT count(*) FROM shopify_transactions WHERE organization_id = ?::uuid",
        UUID.fromString(organization)));
    assertEquals(SHOPS, Database.count("SELECT count(*) FROM shopify_shops WHERE organization_id = ?::uuid",
        UUID.fromString(organization)));
    owner.api().delete("/api/v1/integrations/shopify");

    String report = String.format(java.util.Locale.ROOT, """
        Shopify sync benchmark (%s, %d cores, load average %.2f)
        events: %d, transactions: %d, shops: %d (page size 100)
        run (claim to stored):        %d ms
          reading the Partner API:    %d ms (first to last answer)
          storing and folding:        %d ms (last answer to committed)
        connect to synced (wall):     %d ms
        Partner API calls in the run: %d (plus 1 to check the token on connect)
        """, Instant.now(), Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        EVENTS, TRANSACTIONS, SHOPS, run.toMillis(), reading.toMillis(), storing.toMillis(), wall.toMillis(), calls);
    System.out.println(report);
    Path out = Path.of("target/benchmark/shopify-sync.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /** Per shop: installed, a charge accepted and activated, frozen and unfrozen (5 events); 5 sales. */
  private static void load(PartnerOrganization partner, long app) {
    Instant start = Instant.now().minus(Duration.ofDays(300));
    for (int shop = 0; shop < SHOPS; shop++) {
      String domain = "bench-" + shop + ".myshopify.com";
      String name = "Bench " + shop;
      String charge = "gid://shopify/AppSubscription/" + shop;
      Instant at = start.plusSeconds(shop * 60L);
      partner.event(app, PartnerOrganization.installed(domain, name, at));
      partner.event(app, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_ACCEPTED", domain, name, at.plusSeconds(1), charge, "Pro", "29.00"));
      partner.event(app, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_ACTIVATED", domain, name, at.plusSeconds(2), charge, "Pro", "29.00"));
      partner.event(app, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_FROZEN", domain, name, at.plusSeconds(3), charge, "Pro", "29.00"));
      partner.event(app, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_UNFROZEN", domain, name, at.plusSeconds(4), charge, "Pro", "29.00"));
      for (int month = 0; month < TRANSACTIONS / SHOPS; month++) {
        partner.transaction(app, PartnerOrganization.sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/" + shop + "-" + month,
            domain, name, at.plus(Duration.ofDays(30L * month)), charge, "EVERY_30_DAYS", "29.00", "23.20"));
      }
    }
  }
}
