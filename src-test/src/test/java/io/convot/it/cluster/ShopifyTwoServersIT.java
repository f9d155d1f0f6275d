package io.convot.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.ExternalBroker;
import io.convot.it.support.Organizations;
import io.convot.it.support.partner.Failure;
import io.convot.it.support.partner.PartnerApiSimulator;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Shopify sync runs on two servers that share a database and a broker: a sync message delivered
 * twice (as a redelivery would) makes one run and counts one failure, and two servers asked to
 * sync at the same moment never read the Partner API for one integration at once.
 */
class ShopifyTwoServersIT {

  private static final String SERVER_A = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");
  private static final String SERVER_B = System.getProperty("convot.test.cluster.node-b-url", "http://localhost:9381");
  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void aSyncMessageDeliveredTwiceMakesOneRunAndCountsOneFailure() {
    Connected connected = Connected.onServerA("Delivered twice");
    connected.partner.failAlways(Failure.UNAUTHORIZED); // a failed run is one request, never retried
    UUID run = UUID.randomUUID();
    Eventually.await(() -> Database.updateIn(Database.CLUSTER_URL, """
        UPDATE shopify_integrations SET pending_run_id = ?, next_sync_at = now() + interval '1 day'
        WHERE organization_id = ?::uuid AND running_run_id IS NULL""", run, connected.organizationId), updated -> updated == 1,
        SOON, "no run in progress, and the schedule pushed back");
    int failuresBefore = connected.status().getInt("consecutive_failures");
    int requestsBefore = connected.partner.requests().size();

    String message = Json.createObjectBuilder().add("organization_id", connected.organizationId)
        .add("run_id", run.toString()).build().toString();
    ExternalBroker.send("convot.shopify.sync", message, message);

    Eventually.await(connected::status, status -> status.getInt("consecutive_failures") > failuresBefore, SOON, "the run fails");
    LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // time for the second copy to be taken and dropped
    assertEquals(failuresBefore + 1, connected.status().getInt("consecutive_failures"), "counted once");
    assertEquals(requestsBefore + 1, connected.partner.requests().size(), "one run: " + connected.partner.requests());
  }

  @Test
  void twoServersNeverSyncOneIntegrationAtOnce() {
    Connected connected = Connected.onServerA("One at a time");
    connected.partner.pause(300); // every answer takes a while, so that runs would overlap if they could
    Api onA = connected.api.on(SERVER_A);
    Api onB = connected.api.on(SERVER_B);

    for (int round = 0; round < 5; round++) {
      CompletableFuture<Api.Reply> a = CompletableFuture.supplyAsync(() -> onA.post("/api/v1/integrations/shopify/sync", ""));
      CompletableFuture<Api.Reply> b = CompletableFuture.supplyAsync(() -> onB.post("/api/v1/integrations/shopify/sync", ""));
      assertEquals(202, a.join().status(), () -> a.join().toString());
      assertEquals(202, b.join().status(), () -> b.join().toString());
      LockSupport.parkNanos(Duration.ofMillis(400).toNanos());
    }
    Eventually.await(connected::status, status -> !status.getBoolean("syncing"), SOON, "the runs end");

    assertEquals(1, connected.partner.mostRequestsAtOnce(), "never two requests of one integration at once");
    assertEquals(0, connected.status().getInt("consecutive_failures"));
    connected.api.on(SERVER_A).delete("/api/v1/integrations/shopify");
  }

  /** An organization signed up on server A, connected to its own simulated Partner organization, synced once. */
  private record Connected(String organizationId, Api api, PartnerOrganization partner) {

    static Connected onServerA(String name) {
      Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_A), name);
      Api api = owner.api().on(SERVER_A);
      long shopifyApp = System.nanoTime() % 9_000_000 + 1_000;
      Api.Reply app = api.post("/api/v1/apps", Json.createObjectBuilder().add("name", name)
          .add("shopify_app_id", String.valueOf(shopifyApp)).build().toString());
      assertEquals(201, app.status(), app::toString);
      String token = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
      PartnerOrganization partner = PartnerApiSimulator.get().organization().token(token, true);
      partner.event(shopifyApp, PartnerOrganization.installed("one.myshopify.com", "One", java.time.Instant.now()));
      Api.Reply connected = api.send("PUT", "/api/v1/integrations/shopify", Json.createObjectBuilder()
          .add("partner_organization_id", partner.id()).add("access_token", token).build().toString());
      assertEquals(200, connected.status(), connected::toString);
      Connected result = new Connected(owner.organizationId(), api, partner);
      Eventually.await(result::status, status -> !status.isNull("last_sync_at"), SOON, "the first run succeeds");
      return result;
    }

    JsonObject status() {
      return api.get("/api/v1/integrations/shopify").json();
    }
  }
}
