package io.convot.it.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Organizations;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A cancelled organization is not synced with Shopify: the scheduler (every second on the test
 * server) leaves it out, so the Partner API hears nothing from it until it is reactivated.
 */
class ShopifyWhileCancelledIT {

  @Test
  void syncsStopWhileCancelledAndResumeOnReactivation() {
    Shopify shopify = Shopify.setUp("Syncing Co");
    shopify.connectAndSync();
    int before = shopify.partner.requests().size();
    shopify.awaitStatus(status -> shopify.partner.requests().size() > before, "another scheduled run");

    assertEquals(200, shopify.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());
    LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // a run already claimed may finish
    int quiet = shopify.partner.requests().size();
    LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
    assertEquals(quiet, shopify.partner.requests().size(), "the Partner API was called while the organization was cancelled");

    assertEquals(200, shopify.api().post("/api/v1/organization/reactivate", "").status());
    shopify.awaitStatus(status -> shopify.partner.requests().size() > quiet, "a run after the reactivation");
    assertTrue(shopify.partner.requests().size() > quiet);
  }
}
