package io.convot.it.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.partner.Failure;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The 12-failure rule: each run that still fails after its retries counts one consecutive failure;
 * the twelfth puts the integration in error with "retries exhausted" and stops automatic runs; one
 * success resets the count; Sync now heals. Transient answers are retried inside a run, a 429 after
 * its Retry-After; a rejected token is not retried.
 */
class FailureRuleIT {

  private static final Duration TWELVE_RUNS = Duration.ofSeconds(90);

  @Test
  void twelveFailedRunsEndInErrorAndNoFurtherAutomaticRun() {
    Shopify shopify = Shopify.setUp("Twelve failures");
    shopify.connect();
    shopify.partner.failAlways(Failure.SERVER_ERROR);

    JsonObject error = io.convot.it.support.Eventually.await(shopify::status,
        status -> "error".equals(status.getString("status")), TWELVE_RUNS, "the integration goes into error");

    assertEquals(12, error.getInt("consecutive_failures"));
    assertTrue(error.getString("last_error").startsWith("retries exhausted"), error.toString());
    assertTrue(error.isNull("next_sync_at"), error.toString());
    int requests = shopify.partner.requests().size();
    pause(Duration.ofSeconds(5)); // five sync intervals
    assertEquals(requests, shopify.partner.requests().size(), "no run after the twelfth failure");
    assertEquals(12, shopify.status().getInt("consecutive_failures"), "exactly twelve counted");
    long failedServerErrors = shopify.partner.requests().stream().filter(request -> request.status() == 503).count();
    assertEquals(12 * 4, failedServerErrors, "each failed run made its request and three retries");
  }

  @Test
  void syncNowHealsAnIntegrationInError() {
    Shopify shopify = Shopify.setUp("Sync now heals");
    shopify.connect();
    shopify.partner.failAlways(Failure.UNAUTHORIZED);
    shopify.awaitStatus(status -> "error".equals(status.getString("status")), "twelve rejected runs end in error");
    shopify.partner.failAlways(null);

    assertEquals(202, shopify.api().post("/api/v1/integrations/shopify/sync", "").status());

    JsonObject healed = shopify.awaitStatus(status -> "active".equals(status.getString("status"))
        && !status.isNull("last_sync_at") && !status.getBoolean("syncing"), "Sync now runs and succeeds");
    assertEquals(0, healed.getInt("consecutive_failures"));
    assertTrue(healed.isNull("last_error"));
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void elevenFailuresThenASuccessLeaveTheCountAtZero() {
    Shopify shopify = Shopify.setUp("Eleven failures");
    shopify.connectAndSync();
    Failure[] eleven = new Failure[11];
    java.util.Arrays.fill(eleven, Failure.UNAUTHORIZED); // not retried: one request per run
    shopify.partner.failNext(eleven);

    JsonObject after = shopify.awaitStatus(status -> unauthorized(shopify.partner) == 11
        && status.getInt("consecutive_failures") == 0 && "active".equals(status.getString("status")),
        "eleven failed runs, then a successful one");

    assertEquals("active", after.getString("status"));
    assertTrue(after.isNull("last_error"));
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void theCountRisesOneARunAndResetsOnSuccess() {
    Shopify shopify = Shopify.setUp("Counting");
    shopify.connectAndSync();
    shopify.partner.failAlways(Failure.UNAUTHORIZED);
    JsonObject failing = shopify.awaitStatus(status -> status.getInt("consecutive_failures") >= 2, "two failed runs");
    assertEquals("active", failing.getString("status"));
    assertEquals("Token is invalid or expired", failing.getString("last_error"));
    assertEquals(1, failing.getInt("last_run_api_calls"), "a rejected token is not retried");

    shopify.partner.failAlways(null);

    shopify.awaitStatus(status -> status.getInt("consecutive_failures") == 0, "a success resets the count");
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void transientAnswersAreRetriedInsideOneRun() {
    Shopify shopify = Shopify.setUp("Transient");
    RevenueFixtures.load(shopify.partner, shopify.shopifyApp);
    shopify.connectAndSync();
    shopify.partner.failNext(Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.SLOW);
    int before = shopify.partner.requests().size();

    shopify.api().post("/api/v1/integrations/shopify/sync", "");
    JsonObject after = shopify.awaitStatus(status -> shopify.partner.requests().size() >= before + 5
        && !status.getBoolean("syncing"), "the run went through its retries");

    assertEquals(0, after.getInt("consecutive_failures"), after.toString());
    List<PartnerOrganization.Request> run = shopify.partner.requests().subList(before, shopify.partner.requests().size());
    assertEquals(429, run.get(0).status());
    Duration waited = Duration.between(run.get(0).at(), run.get(1).at());
    assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "Retry-After: 1 was honoured, waited " + waited);
    assertEquals(503, run.get(1).status());
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  private static long unauthorized(PartnerOrganization partner) {
    return partner.requests().stream().filter(request -> request.status() == 401).count();
  }

  private static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }
}
