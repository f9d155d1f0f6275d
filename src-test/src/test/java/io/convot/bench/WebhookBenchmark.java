package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery figures, printed and written to {@code target/benchmark/webhooks.txt}; run with
 * {@code mvn verify -Pbenchmark}. Not a test of speed: it asserts only that everything arrived.
 * <ol>
 *   <li>Throughput: agents reply as fast as they can while fifty endpoints subscribe to
 *   {@code message.sent} (so that producing events is not what limits it); signed deliveries per
 *   second at the receiver, from the first arrival to the last.</li>
 *   <li>Beside it, in the same run: a plain HTTP client posting the same bodies to the same
 *   receiver with as many connections as Convot's delivery listener has sessions.</li>
 *   <li>Latency: one endpoint, a fixed rate of events; from each event's {@code created_at} to its
 *   arrival, p50/p95/p99.</li>
 * </ol>
 * Agents answer {@value #CONVERSATIONS} conversations in turn, as a team does: all answers to one
 * conversation would queue on that conversation's row.
 */
class WebhookBenchmark {

  private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 50);
  private static final int THROUGHPUT_EVENTS = Integer.getInteger("bench.events", 300);
  private static final int LATENCY_RATE = Integer.getInteger("bench.rate", 200);
  private static final int LATENCY_SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int CLIENTS = 32;
  private static final int CONVERSATIONS = 40;

  private final List<String> report = new ArrayList<>();

  @Test
  void measureDeliveries() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Benchmark Co");
    List<String> conversation = conversations(owner);
    try (Receiver receiver = new Receiver()) {
      for (int i = 0; i < ENDPOINTS; i++) {
        subscribe(owner.api(), receiver.url() + "/" + i, "message.sent");
      }
      double convot = throughput(owner, conversation, receiver);
      double plain = plainClient(receiver, receiver.requests().subList(0, Math.min(5000, receiver.requests().size())));
      line("Throughput: %.0f signed deliveries/s (%d events x %d endpoints)", convot, THROUGHPUT_EVENTS, ENDPOINTS);
      line("Plain HTTP client, same bodies, same receiver, %d connections: %.0f requests/s", CLIENTS, plain);
      line("Ratio Convot / plain client: %.2f", convot / plain);
    }
    Organizations.Owner latencyOwner = Organizations.signUp("Latency Co");
    List<String> latencyConversation = conversations(latencyOwner);
    try (Receiver receiver = new Receiver()) {
      subscribe(latencyOwner.api(), receiver.url(), "message.sent");
      latency(latencyOwner, latencyConversation, receiver);
    }
    Path out = Path.of("target", "benchmark", "webhooks.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  private double throughput(Organizations.Owner owner, List<String> conversations, Receiver receiver) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(8);
    AtomicInteger sent = new AtomicInteger();
    List<Future<?>> replies = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < THROUGHPUT_EVENTS; i++) {
      replies.add(agents.submit(() -> {
        int n = sent.incrementAndGet();
        reply(owner.api(), conversations.get(n % conversations.size()), "reply " + n);
      }));
    }
    for (Future<?> reply : replies) {
      reply.get();
    }
    agents.shutdown();
    line("Events: %d replies answered in %.1f s", THROUGHPUT_EVENTS, (System.nanoTime() - start) / 1e9);
    int expected = THROUGHPUT_EVENTS * ENDPOINTS;
    List<Receiver.Request> arrived = receiver.await(request -> true, expected, Duration.ofMinutes(5));
    assertEquals(expected, arrived.stream().map(r -> r.header("webhook-id") + r.header("Convot-Delivery-Attempt") + r.path()).distinct().count(),
        "every delivery arrived once");
    Instant first = arrived.stream().map(Receiver.Request::arrivedAt).min(Instant::compareTo).orElseThrow();
    Instant last = arrived.stream().map(Receiver.Request::arrivedAt).max(Instant::compareTo).orElseThrow();
    return expected / seconds(Duration.between(first, last));
  }

  /** The same bodies and headers posted by a plain client: the ceiling this receiver allows. */
  private double plainClient(Receiver receiver, List<Receiver.Request> samples) throws Exception {
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
    ExecutorService posters = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    List<Future<Integer>> posts = new ArrayList<>();
    for (Receiver.Request sample : samples) {
      posts.add(posters.submit(() -> client.send(HttpRequest.newBuilder(URI.create(receiver.url() + "/plain"))
          .header("Content-Type", "application/json")
          .header("webhook-id", sample.header("webhook-id"))
          .header("webhook-timestamp", sample.header("webhook-timestamp"))
          .header("webhook-signature", sample.header("webhook-signature"))
          .POST(HttpRequest.BodyPublishers.ofString(sample.body())).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
    }
    for (Future<Integer> post : posts) {
      assertEquals(200, post.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    posters.shutdown();
    // Counted once the receiver has recorded them all: it records a request after answering it.
    assertEquals(samples.size(), receiver.await(request -> request.path().endsWith("/plain"), samples.size(), Duration.ofSeconds(30)).size());
    return samples.size() / elapsed;
  }

  private void latency(Organizations.Owner owner, List<String> conversations, Receiver receiver) throws Exception {
    int events = LATENCY_RATE * LATENCY_SECONDS;
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(16);
    AtomicInteger sent = new AtomicInteger();
    long periodNanos = 1_000_000_000L / LATENCY_RATE;
    List<Long> replyMillis = Collections.synchronizedList(new ArrayList<>());
    var ticker = clock.scheduleAtFixedRate(() -> {
      int n = sent.incrementAndGet();
      if (n <= events) {
        clock.execute(() -> {
          long start = System.nanoTime();
          reply(owner.api(), conversations.get(n % conversations.size()), "timed " + n);
          replyMillis.add((System.nanoTime() - start) / 1_000_000);
        });
      }
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    List<Receiver.Request> arrived = receiver.await(request -> true, events, Duration.ofMinutes(5));
    ticker.cancel(false);
    clock.shutdown();
    List<Long> millis = new ArrayList<>();
    for (Receiver.Request request : arrived) {
      Instant created = Instant.parse(request.json().getString("created_at"));
      millis.add(Duration.between(created, request.arrivedAt()).toMillis());
    }
    Collections.sort(millis);
    List<Long> replies = new ArrayList<>(replyMillis);
    Collections.sort(replies);
    line("Agent replies (the requests that make the events) at that rate: p50 %d ms, p95 %d ms, p99 %d ms",
        percentile(replies, 50), percentile(replies, 95), percentile(replies, 99));
    line("Latency at %d events/s for %d s (%d events): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", LATENCY_RATE,
        LATENCY_SECONDS, events, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.get(millis.size() - 1));
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Conversations to answer, so that replies spread as real traffic does (one conversation's row is one lock). */
  private static List<String> conversations(Organizations.Owner owner) {
    Widget widget = new Widget(Widget.createApp(owner.api(), "Bench", false).getString("app_key"));
    for (int i = 0; i < CONVERSATIONS; i++) {
      Widget.send(widget.session(""), "a conversation to answer");
    }
    List<String> ids = owner.api().get("/api/v1/conversations?limit=" + CONVERSATIONS).json().getJsonArray("data")
        .stream().map(conversation -> conversation.asJsonObject().getString("id")).toList();
    assertEquals(CONVERSATIONS, ids.size());
    return ids;
  }

  private static void subscribe(Api api, String url, String event) {
    JsonArrayBuilder events = Json.createArrayBuilder().add(event);
    Api.Reply reply = api.post("/api/v1/webhooks", Json.createObjectBuilder().add("url", url).add("events", events).build().toString());
    assertEquals(201, reply.status(), reply::toString);
  }

  private static void reply(Api api, String conversation, String text) {
    Api.Reply reply = api.post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"" + text + "\"}");
    if (reply.status() != 201) {
      throw new IllegalStateException("reply refused: " + reply);
    }
  }

  private static double seconds(Duration duration) {
    return Math.max(duration.toNanos(), 1) / 1e9;
  }

  private void line(String format, Object... values) {
    String line = String.format(Locale.ROOT, format, values);
    report.add(line);
    System.out.println("[benchmark] " + line);
  }
}
