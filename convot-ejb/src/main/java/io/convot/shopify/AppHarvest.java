package io.convot.shopify;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What one run read for one app. */
public record AppHarvest(UUID appId, String shopifyAppGid, List<LifecycleEvent> events, List<ShopTransaction> transactions) {

  Instant lastEventAt() {
    return events.stream().map(LifecycleEvent::occurredAt).max(Comparator.naturalOrder()).orElse(null);
  }

  Instant lastTransactionAt() {
    return transactions.stream().map(ShopTransaction::createdAt).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null);
  }
}
