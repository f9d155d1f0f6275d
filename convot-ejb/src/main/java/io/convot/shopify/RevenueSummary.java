package io.convot.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /revenue/summary}: the organization's shops, revenue per currency, and who may leave. */
public record RevenueSummary(
    long shops,
    long installed,
    long uninstalled,
    Map<String, Long> churnRisk,
    List<Totals> totals,
    List<ShopView> atRisk,
    Instant lastSyncAt) {

  /** Monthly recurring and lifetime net revenue in one currency, and the MRR of shops at high risk. */
  public record Totals(String currency, BigDecimal mrr, BigDecimal lifetimeRevenue, BigDecimal mrrAtRisk) {}
}
