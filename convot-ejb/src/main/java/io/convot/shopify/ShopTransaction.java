package io.convot.shopify;

import java.math.BigDecimal;
import java.time.Instant;

/** One Partner API transaction: a sale, a usage charge, an adjustment or a credit, with its net amount. */
public record ShopTransaction(
    String id,
    String type,
    Instant createdAt,
    String myshopifyDomain,
    String shopName,
    String chargeId,
    String billingInterval,
    BigDecimal grossAmount,
    BigDecimal netAmount,
    BigDecimal shopifyFee,
    String currency) {

  public boolean isUsage() {
    return "AppUsageSale".equals(type);
  }
}
