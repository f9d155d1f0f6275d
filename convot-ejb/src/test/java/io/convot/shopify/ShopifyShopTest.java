package io.convot.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShopifyShopTest {

  private static final String DOMAIN = "acme.myshopify.com";
  private final ShopifyShop shop = new ShopifyShop(UUID.randomUUID(), DOMAIN);

  private static LifecycleEvent event(String type, String at) {
    return new LifecycleEvent(type, Instant.parse(at), "gid://partners/Shop/1", "Acme", DOMAIN, null, null, null, null, null, null);
  }

  private static LifecycleEvent charge(String type, String at, String chargeId, String plan, String amount) {
    return new LifecycleEvent(type, Instant.parse(at), "gid://partners/Shop/1", "Acme", DOMAIN, chargeId, plan,
        new BigDecimal(amount), "USD", null, null);
  }

  @Test
  void anActivatedPlanIsTheShopsPlanAndMonthlyRevenue() {
    shop.apply(event("RELATIONSHIP_INSTALLED", "2026-01-01T00:00:00Z"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_ACTIVATED", "2026-01-01T00:01:00Z", "c1", "Pro", "49.00"));
    shop.revenue(new BigDecimal("100.00"), "EVERY_30_DAYS");

    assertTrue(shop.installed());
    assertEquals("Acme", shop.name());
    assertEquals("Pro", shop.plan());
    assertEquals("active", shop.subscriptionState());
    assertEquals(new BigDecimal("49.00"), shop.mrr());
    assertEquals(new BigDecimal("100.00"), shop.lifetimeRevenue());
  }

  @Test
  void aYearlyPlanIsATwelfthAMonthAndAFrozenOneNothing() {
    shop.apply(event("RELATIONSHIP_INSTALLED", "2026-01-01T00:00:00Z"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_ACTIVATED", "2026-01-01T00:01:00Z", "c1", "Yearly", "100.00"));
    shop.revenue(BigDecimal.ZERO, "ANNUAL");
    assertEquals(new BigDecimal("8.33"), shop.mrr());

    shop.apply(charge("SUBSCRIPTION_CHARGE_FROZEN", "2026-02-01T00:00:00Z", "c1", "Yearly", "100.00"));
    shop.revenue(BigDecimal.ZERO, "ANNUAL");
    assertEquals("frozen", shop.subscriptionState());
    assertEquals(new BigDecimal("0.00"), shop.mrr());

    shop.apply(charge("SUBSCRIPTION_CHARGE_UNFROZEN", "2026-03-01T00:00:00Z", "c1", "Yearly", "100.00"));
    shop.revenue(BigDecimal.ZERO, "ANNUAL");
    assertEquals("active", shop.subscriptionState());
    assertEquals(new BigDecimal("8.33"), shop.mrr());
  }

  @Test
  void anUninstallEndsThePlanAndAReinstallIsRemembered() {
    shop.apply(event("RELATIONSHIP_INSTALLED", "2026-01-01T00:00:00Z"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_ACTIVATED", "2026-01-01T00:01:00Z", "c1", "Pro", "49.00"));
    shop.apply(new LifecycleEvent("RELATIONSHIP_UNINSTALLED", Instant.parse("2026-02-01T00:00:00Z"), null, "Acme", DOMAIN,
        null, null, null, null, "Too expensive", "Found a cheaper app"));
    shop.revenue(BigDecimal.ZERO, null);

    assertFalse(shop.installed());
    assertNull(shop.plan());
    assertEquals("Too expensive: Found a cheaper app", shop.uninstallReason());
    assertEquals(new BigDecimal("0.00"), shop.mrr());

    shop.apply(event("RELATIONSHIP_INSTALLED", "2026-03-01T00:00:00Z"));
    assertTrue(shop.installed());
    assertNull(shop.uninstallReason());
    shop.assess(BigDecimal.ZERO, BigDecimal.ZERO, Instant.parse("2026-03-10T00:00:00Z"));
    assertEquals("medium", shop.churnRisk());
    assertEquals(java.util.List.of("recent_reinstall"), shop.churnReasons());
  }

  @Test
  void cancellingAnOldChargeLeavesTheNewPlanAlone() {
    shop.apply(event("RELATIONSHIP_INSTALLED", "2026-01-01T00:00:00Z"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_ACTIVATED", "2026-01-01T00:01:00Z", "c1", "Basic", "9.00"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_ACTIVATED", "2026-02-01T00:00:00Z", "c2", "Pro", "49.00"));
    shop.apply(charge("SUBSCRIPTION_CHARGE_CANCELED", "2026-02-01T00:00:01Z", "c1", "Basic", "9.00"));

    assertEquals("Pro", shop.plan());
    assertEquals("active", shop.subscriptionState());
  }
}
