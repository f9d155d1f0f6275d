package io.convot.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shop's relationship with one app, with its revenue: only for callers with revenue access. */
public record ShopView(
    UUID id,
    UUID appId,
    String myshopifyDomain,
    String name,
    boolean installed,
    Instant installedAt,
    Instant uninstalledAt,
    String uninstallReason,
    String plan,
    String lastChargeState,
    BigDecimal mrr,
    BigDecimal lifetimeRevenue,
    String currency,
    String churnRisk,
    List<String> churnReasons,
    Instant updatedAt) {

  static ShopView of(ShopifyShop shop) {
    return new ShopView(shop.id(), shop.appId(), shop.myshopifyDomain(), shop.name(), shop.installed(),
        shop.installedAt(), shop.uninstalledAt(), shop.uninstallReason(), shop.plan(), shop.subscriptionState(),
        shop.mrr(), shop.lifetimeRevenue(), shop.currency(), shop.churnRisk(), shop.churnReasons(), shop.updatedAt());
  }
}
