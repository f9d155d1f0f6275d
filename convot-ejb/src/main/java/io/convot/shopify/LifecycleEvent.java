package io.convot.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One app event from the Partner API: an install, an uninstall or a charge changing state. */
public record LifecycleEvent(
    String type,
    Instant occurredAt,
    String shopGid,
    String shopName,
    String myshopifyDomain,
    String chargeId,
    String chargeName,
    BigDecimal amount,
    String currency,
    String reason,
    String description) {

  /** The Partner API gives events no id: this is what tells two of them apart. */
  public String key(UUID appId) {
    return appId + "|" + type + "|" + occurredAt + "|" + myshopifyDomain + "|" + (chargeId == null ? "" : chargeId);
  }
}
