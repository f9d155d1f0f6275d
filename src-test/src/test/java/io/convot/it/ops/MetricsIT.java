package io.convot.it.ops;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import io.convot.it.support.Receiver;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus scrapes it: closed without the metrics token, parsed by a Prometheus text-format
 * parser, and moving with traffic (requests per route with latency buckets, webhook attempts by outcome, live
 * sockets, queue depths, the database pool).
 */
class MetricsIT {

  private static final Predicate<Map<String, String>> ME_ROUTE = labels -> "/api/v1/me".equals(labels.get("http_route"))
      && "GET".equals(labels.get("http_request_method")) && "200".equals(labels.get("http_response_status_code"));
  private static final Predicate<Map<String, String>> ME_METHOD =
      labels -> "io.convot.web.me.MeResource".equals(labels.get("class")) && "me".equals(labels.get("method"));

  @Test
  void aScrapeWithoutTheTokenIsRefusedWithAProblem() {
    Api.Reply reply = Api.anonymous().get("/metrics");

    assertProblem(reply, 401, "unauthenticated");
    assertFalse(reply.body().contains("# TYPE"), reply::toString);
  }

  @Test
  void aWrongTokenIsRefused() {
    Map<String, String> refusals = Map.of(
        "Bearer " + Scrape.TOKEN + "x", "token_invalid",
        "Bearer " + Scrape.TOKEN.substring(1), "token_invalid",
        "Bearer " + Scrape.TOKEN.toUpperCase(java.util.Locale.ROOT), "token_invalid",
        "Basic " + java.util.Base64.getEncoder().encodeToString(("prometheus:" + Scrape.TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "unauthenticated",
        "Bearer ", "unauthenticated");
    refusals.forEach((authorization, code) -> {
      Api.Reply reply = Api.anonymous().header("Authorization", authorization).get("/metrics");
      assertEquals(401, reply.status(), authorization);
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
      assertEquals(code, reply.json().getString("code"), authorization);
      assertFalse(reply.body().contains("# TYPE"), reply::toString);
    });
    Owner owner = Organizations.signUp("Metrics outsiders");
    assertEquals(401, owner.api().get("/metrics").status(), "a member's sign-in token is not the metrics token");
  }

  @Test
  void requestsAreCountedPerRouteWithLatencyBuckets() {
    Owner owner = Organizations.signUp("Metrics requests");
    owner.api().get("/api/v1/me");
    Scrape before = Scrape.take();

    for (int i = 0; i < 5; i++) {
      assertEquals(200, owner.api().get("/api/v1/me").status());
    }

    Scrape after = Scrape.take();
    assertEquals(before.histogram("http_server_request_duration_seconds", ME_ROUTE).getSampleCount() + 5,
        after.histogram("http_server_request_duration_seconds", ME_ROUTE).getSampleCount(), "five more GET /api/v1/me");
    assertEquals(before.histogram("REST_request_seconds", ME_METHOD).getSampleCount() + 5,
        after.histogram("REST_request_seconds", ME_METHOD).getSampleCount(), "five more calls of MeResource.me");
    Histogram me = after.histogram("http_server_request_duration_seconds", ME_ROUTE);
    assertEquals(12, me.getBuckets().size(), "eleven latency buckets and +Inf: " + me.getBuckets());
    assertTrue(me.getBuckets().get(me.getBuckets().size() - 1).getCumulativeCount() == me.getSampleCount());
    assertTrue(me.getSampleSum() > 0);
  }

  @Test
  void webhookAttemptsAreCountedByOutcome() throws Exception {
    Owner owner = Organizations.signUp("Metrics webhooks");
    Scrape before = Scrape.take();
    double succeeded = before.counter("convot_webhook_attempts_total", outcome("succeeded"));
    double failed = before.counter("convot_webhook_attempts_total", outcome("failed"));
    try (Receiver receiver = new Receiver()) {
      receiver.answer(Receiver.Answer.of(500)).otherwise(Receiver.Answer.of(204));
      String id = owner.api().post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"webhook.test\"]}").string("id");
      assertEquals(202, owner.api().post("/api/v1/webhooks/" + id + "/test", "").status());
      receiver.await(Receiver.ofType("webhook.test"), 2, Duration.ofSeconds(30));
    }

    Eventually.await(Scrape::take, scrape -> scrape.counter("convot_webhook_attempts_total", outcome("succeeded")) >= succeeded + 1
        && scrape.counter("convot_webhook_attempts_total", outcome("failed")) >= failed + 1, Duration.ofSeconds(20),
        "one failed and one successful attempt counted");
  }

  @Test
  void liveSocketsQueuesAndThePoolAreReported() throws Exception {
    Owner owner = Organizations.signUp("Metrics sockets");
    Scrape before = Scrape.take();
    double sockets = before.gauge("convot_live_sockets", labels -> true);

    try (LiveClient agent = LiveClient.connect("/realtime/v1/agent", Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build())) {
      Eventually.await(Scrape::take, scrape -> scrape.gauge("convot_live_sockets", labels -> true) >= sockets + 1,
          Duration.ofSeconds(10), "the open socket counted");
    }

    Scrape scrape = Scrape.take();
    for (String queue : new String[] {"convot.webhooks.events", "convot.webhooks.attempts", "convot.shopify.sync", "convot.mail",
        "convot.mail.members", "convot.notifications.notices", "convot.notifications.channel-posts", "convot.imports", "convot.exports", "DLQ"}) {
      double depth = scrape.gauge("convot_queue_depth", labels -> queue.equals(labels.get("queue")));
      assertTrue(depth >= 0, queue + " has a depth: " + depth);
    }
    assertTrue(scrape.counter("convot_shopify_sync_runs_total", outcome("succeeded")) >= 0);
    assertTrue(scrape.family("convot_imports_total").isPresent(), "imports are counted by outcome: " + scrape.names());
    assertTrue(scrape.names().stream().anyMatch(name -> name.startsWith("connectionpool_")), "the database pool: " + scrape.names());
  }

  private static Predicate<Map<String, String>> outcome(String outcome) {
    return labels -> outcome.equals(labels.get("outcome"));
  }
}
