package io.convot.shopify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a claimed run is to read: with which credentials, which apps, and from where. */
public record RunOrders(String partnerOrganizationId, String accessToken, List<AppToRead> apps) {

  public record AppToRead(UUID appId, String shopifyAppGid, Instant eventsSince, Instant transactionsSince) {}

  @Override
  public String toString() {
    return "RunOrders[" + partnerOrganizationId + ", " + apps.size() + " apps]";
  }
}
