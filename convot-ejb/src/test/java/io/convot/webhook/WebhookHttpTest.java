package io.convot.webhook;

import static io.convot.webhook.LocalReceiver.answering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One attempt against a real HTTP server on 127.0.0.1. Private targets and http are allowed here
 * (the receiver is local), except in the tests about refusing them.
 */
class WebhookHttpTest {

  private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"webhook.test\",\"data\":{\"text\":\"héllo 👋\"}}";
  private static final Map<String, String> HEADERS = Map.of(
      "webhook-id", "evt_1",
      "webhook-timestamp", "1700000000",
      "webhook-signature", "v1,c2lnbmF0dXJl",
      "Convot-Event", "webhook.test",
      "Convot-Delivery-Attempt", "1");

  private final CountDownLatch releaseSlowReceiver = new CountDownLatch(1);
  private LocalReceiver receiver;
  private WebhookHttp http;

  @BeforeEach
  void start() throws IOException {
    receiver = new LocalReceiver()
        .on("/ok", answering(200, "{\"received\":true}"))
        .on("/fail", answering(500, "<html>Internal Server Error</html>"))
        .on("/gone", answering(410, "endpoint removed"))
        .on("/busy", answering(429, "slow down", "Retry-After", "120"))
        .on("/maintenance", answering(503, "", "Retry-After", httpDate(Instant.now().plusSeconds(90))))
        .on("/moved", answering(302, "", "Location", "/ok"))
        .on("/large", answering(200, "x".repeat(5000)))
        .on("/cut-character", answering(200, "a".repeat(1023) + "é and more"))
        .on("/huge-header", answering(200, "ok", "X-Padding", "p".repeat(64 * 1024)))
        .on("/slow", exchange -> {
          awaitRelease();
          answering(200, "too late").handle(exchange);
        })
        .on("/endless", exchange -> {
          exchange.sendResponseHeaders(200, 0);
          streamUntilClientLeaves(exchange.getResponseBody());
        });
    http = new WebhookHttp(new TargetGuard(true, true), Duration.ofSeconds(5), 4);
  }

  @AfterEach
  void stop() {
    releaseSlowReceiver.countDown();
    http.close();
    receiver.close();
  }

  @Test
  void deliversJsonWithTheCallersHeaders() {
    AttemptResult result = http.send(receiver.url("/ok"), HEADERS, BODY);

    assertEquals(200, result.statusCode());
    assertTrue(result.succeeded());
    assertFalse(result.gone());
    assertNull(result.error());
    assertEquals("{\"received\":true}", result.responseExcerpt());
    assertEquals(Optional.empty(), result.retryAfter());
    assertTrue(result.duration().compareTo(Duration.ZERO) > 0, result.duration()::toString);
    LocalReceiver.Received received = receiver.last("/ok");
    assertEquals(BODY, received.body());
    assertEquals("application/json", received.headers().get("content-type"));
    assertEquals("evt_1", received.headers().get("webhook-id"));
    assertEquals("1700000000", received.headers().get("webhook-timestamp"));
    assertEquals("v1,c2lnbmF0dXJl", received.headers().get("webhook-signature"));
    assertEquals("webhook.test", received.headers().get("convot-event"));
    assertEquals("1", received.headers().get("convot-delivery-attempt"));
    assertEquals("Convot-Webhooks", received.headers().get("user-agent"));
  }

  @Test
  void theCallerNamesTheUserAgent() {
    http.send(receiver.url("/ok"), Map.of("User-Agent", "Convot-Webhooks/1.2.3"), BODY);

    assertEquals("Convot-Webhooks/1.2.3", receiver.last("/ok").headers().get("user-agent"));
  }

  @Test
  void serverErrorIsAFailedResponse() {
    AttemptResult result = http.send(receiver.url("/fail"), HEADERS, BODY);

    assertEquals(500, result.statusCode());
    assertFalse(result.succeeded());
    assertNull(result.error());
    assertEquals("<html>Internal Server Error</html>", result.responseExcerpt());
  }

  @Test
  void goneIsReported() {
    AttemptResult result = http.send(receiver.url("/gone"), HEADERS, BODY);

    assertEquals(410, result.statusCode());
    assertTrue(result.gone());
    assertFalse(result.succeeded());
  }

  @Test
  void tooManyRequestsCarriesRetryAfterSeconds() {
    AttemptResult result = http.send(receiver.url("/busy"), HEADERS, BODY);

    assertEquals(429, result.statusCode());
    assertEquals(Optional.of(Duration.ofSeconds(120)), result.retryAfter());
  }

  @Test
  void unavailableCarriesRetryAfterHttpDate() {
    AttemptResult result = http.send(receiver.url("/maintenance"), HEADERS, BODY);

    assertEquals(503, result.statusCode());
    long seconds = result.retryAfter().orElseThrow().toSeconds();
    assertTrue(seconds >= 80 && seconds <= 90, seconds + " s");
  }

  @Test
  void redirectIsReturnedNotFollowed() {
    AttemptResult result = http.send(receiver.url("/moved"), HEADERS, BODY);

    assertEquals(302, result.statusCode());
    assertFalse(result.succeeded());
    assertNull(result.error());
    assertEquals(0, receiver.hits("/ok"));
  }

  @Test
  void slowReceiverTimesOut() {
    WebhookHttp impatient = new WebhookHttp(new TargetGuard(true, true), Duration.ofMillis(300), 4);
    try (impatient) {
      AttemptResult result = impatient.send(receiver.url("/slow"), HEADERS, BODY);

      assertEquals(0, result.statusCode());
      assertEquals("timed out after 300 ms", result.error());
      assertEquals("", result.responseExcerpt());
      assertTrue(result.duration().toMillis() >= 300 && result.duration().toMillis() < 3000,
          result.duration()::toString);
    }
  }

  @Test
  void refusedConnectionIsAResultNotAnException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    AttemptResult result = http.send("http://127.0.0.1:" + closedPort + "/hook", HEADERS, BODY);

    assertEquals(0, result.statusCode());
    assertFalse(result.succeeded());
    assertTrue(result.error().startsWith("could not connect: "), result.error());
    assertTrue(result.error().contains("refused"), result.error());
  }

  @Test
  void excerptStopsAtOneKilobyte() {
    AttemptResult result = http.send(receiver.url("/large"), HEADERS, BODY);

    assertEquals(200, result.statusCode());
    assertEquals("x".repeat(1024), result.responseExcerpt());
  }

  @Test
  void excerptDropsACharacterCutAtTheLimit() {
    AttemptResult result = http.send(receiver.url("/cut-character"), HEADERS, BODY);

    assertEquals("a".repeat(1023), result.responseExcerpt());
  }

  @Test
  void endlessBodyIsNotReadToTheEndAndFreesItsConnection() {
    for (int i = 0; i < 6; i++) { // more than the pool's 4 connections
      AttemptResult result = http.send(receiver.url("/endless"), HEADERS, BODY);

      assertEquals(200, result.statusCode());
      assertEquals(1024, result.responseExcerpt().length());
      assertTrue(result.duration().toMillis() < 2000, result.duration()::toString);
    }
    assertTrue(http.send(receiver.url("/ok"), HEADERS, BODY).succeeded());
  }

  @Test
  void oversizedResponseHeadIsAFailureNotAMemoryProblem() {
    AttemptResult result = http.send(receiver.url("/huge-header"), HEADERS, BODY);

    assertEquals(0, result.statusCode());
    assertEquals("the response head is too large: Maximum line length limit exceeded", result.error());
  }

  @Test
  void privateTargetIsRefusedAtConnectTime() {
    try (WebhookHttp publicOnly = new WebhookHttp(new TargetGuard(true, false))) {
      String ok = receiver.url("/ok");
      for (String url : List.of(ok, ok.replace("127.0.0.1", "localhost"), ok.replace("127.0.0.1", "[::1]"))) {
        AttemptResult result = publicOnly.send(url, HEADERS, BODY);

        assertEquals(0, result.statusCode());
        assertTrue(result.error().startsWith("forbidden target: "), result.error());
        assertTrue(result.error().contains("not a public internet address"), result.error());
      }
      AttemptResult internal = publicOnly.send("http://internal.example.test/hook", HEADERS, BODY);
      assertEquals("forbidden target: internal.example.test resolves to 10.1.2.3, which is not a public internet"
          + " address", internal.error());
    }
    assertEquals(0, receiver.hits("/ok"));
  }

  @Test
  void httpIsRefusedUnlessAllowed() {
    try (WebhookHttp httpsOnly = new WebhookHttp(new TargetGuard(false, true))) {
      AttemptResult result = httpsOnly.send(receiver.url("/ok"), HEADERS, BODY);

      assertEquals(0, result.statusCode());
      assertEquals("not sent: url must use https", result.error());
    }
    assertEquals(0, receiver.hits("/ok"));
  }

  @Test
  void unknownHostIsAResult() {
    AttemptResult result = http.send("http://nowhere.example.test/hook", HEADERS, BODY);

    assertEquals(0, result.statusCode());
    assertTrue(result.error().startsWith("unknown host: "), result.error());
  }

  @Test
  void oneClientServesManyThreadsAtOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<AttemptResult>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        results.add(threads.submit(() -> http.send(receiver.url("/ok"), HEADERS, BODY)));
      }
      for (Future<AttemptResult> result : results) {
        AttemptResult attempt = result.get(10, TimeUnit.SECONDS);
        assertTrue(attempt.succeeded(), attempt::toString);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(400, receiver.hits("/ok"));
  }

  private void awaitRelease() {
    try {
      releaseSlowReceiver.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes until the client hangs up, and gives up by itself after 1 GB or 10 seconds. */
  private static void streamUntilClientLeaves(OutputStream out) {
    byte[] chunk = "y".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      for (int i = 0; i < 65_536 && System.nanoTime() < deadline; i++) {
        out.write(chunk);
      }
      out.close();
    } catch (IOException clientLeft) {
      // expected: the client dropped the connection after reading its excerpt
    }
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
  }
}
