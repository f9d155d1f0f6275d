package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Visitor message ingest with live sockets open, printed and written to
 * {@code target/benchmark/ingest.txt}; run with {@code mvn verify -Pbenchmark -Dit.test=IngestBenchmark}.
 * Not a test of speed: it asserts only that every message was stored and reached the agents.
 *
 * <p>One app; {@value #DEFAULT_VISITORS} visitor sessions, each with its widget socket open, and
 * {@value #DEFAULT_AGENTS} agent sockets (a team with the dashboard open): 1,000 sockets. Messages
 * are sent in an open model: on a fixed schedule whatever the answers, each timed from the moment it
 * was due, so a slow server shows as latency, never as a lower offered rate.
 * <ol>
 *   <li>End to end at {@value #DEFAULT_LATENCY_RATE} visitor messages/s: from a message's due time to
 *   each agent socket receiving it; and, for one agent reply in ten visitor messages, from the
 *   reply's due time to the visitor's socket receiving it. POST latency beside it.</li>
 *   <li>Saturation: offered rates in steps ({@code -Dbench.rates}); for each, messages stored per
 *   second, POST latency p50/p95/p99, and the CPU time the server process (its embedded broker
 *   included) and PostgreSQL spent per message. It stops after the first step the server cannot
 *   keep up with (fewer than 95 % answered in time, or p99 over a second).</li>
 *   <li>pgbench, in the same run, with the statements of one visitor message as one transaction
 *   ({@code pgbench -M prepared}, 32 clients): the database's own ceiling for these writes.</li>
 * </ol>
 */
class IngestBenchmark {

  private static final int DEFAULT_VISITORS = 990;
  private static final int DEFAULT_AGENTS = 10;
  private static final int DEFAULT_LATENCY_RATE = 200;

  private static final int VISITORS = Integer.getInteger("bench.visitors", DEFAULT_VISITORS);
  private static final int AGENTS = Integer.getInteger("bench.agents", DEFAULT_AGENTS);
  private static final int LATENCY_RATE = Integer.getInteger("bench.rate", DEFAULT_LATENCY_RATE);
  private static final int LATENCY_SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 10);
  private static final int[] RATES = Arrays.stream(System.getProperty("bench.rates", "200,300,400,500,600,800,1000,1300,1600,2000").split(","))
      .mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
  private static final boolean JFR = Boolean.getBoolean("bench.jfr");
  /** The warm-up ends once the JIT takes less than this share of the server's CPU over a round. */
  private static final double WARM_JIT_SHARE = 0.05;
  private static final int WARM_MIN_ROUNDS = 2;
  private static final int WARM_MAX_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 18);

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final List<String> report = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  /** When each numbered message or reply was due (System.nanoTime), by its number. */
  private final long[] due = new long[4_000_000];
  private volatile Recorder endToEnd = new Recorder();
  private volatile Recorder replies = new Recorder();
  /** Visitor messages seen by each agent socket: proof that every one went out live. */
  private final AtomicInteger[] seenByAgent = java.util.stream.IntStream.range(0, AGENTS)
      .mapToObj(i -> new AtomicInteger()).toArray(AtomicInteger[]::new);

  @Test
  void measureIngest() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Ingest benchmark");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Busy app", false).getString("app_key"));
    line("Ingest benchmark: %d cores, load average %.2f before; %d visitor sockets + %d agent sockets",
        Runtime.getRuntime().availableProcessors(), load(), VISITORS, AGENTS);

    List<String> tokens = sessions(widget);
    List<WebSocket> sockets = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(VISITORS + AGENTS);
    for (int i = 0; i < AGENTS; i++) {
      int agent = i;
      sockets.add(connect("/realtime/v1/agent", owner.token(), new Listener(ready, frame -> agent(agent, frame))));
    }
    for (String token : tokens) {
      sockets.add(connect("/realtime/v1/widget", token, new Listener(ready, this::visitor)));
    }
    assertTrue(ready.await(2, TimeUnit.MINUTES), "every socket ready: " + ready.getCount() + " missing");
    line("%d sockets open", sockets.size());

    // Every visitor starts a conversation (a first message), then a warm-up at the steady rate until
    // the JIT has settled, and until every agent socket has everything: the measured phase starts with
    // nothing left over.
    String[] conversations = new String[VISITORS];
    Step first = run(tokens, LATENCY_RATE, VISITORS, null, conversations);
    assertEquals(0, first.failed, "the first messages");
    warmUp(tokens, owner.token(), conversations);
    awaitAllSeen();
    vacuum();

    // End to end at a steady rate, with agent replies.
    endToEnd = new Recorder();
    replies = new Recorder();
    Step steady = run(tokens, LATENCY_RATE, LATENCY_RATE * LATENCY_SECONDS, owner.token(), conversations);
    awaitAllSeen();
    line("At %d visitor messages/s for %d s (%d messages, %d agent replies):", LATENCY_RATE, LATENCY_SECONDS, steady.sent, steady.sent / 10);
    line("  POST /widget/v1/messages: %s", steady.latency.summary());
    line("  visitor message to agent socket (%d agent sockets): %s", AGENTS, endToEnd.summary());
    line("  agent reply (POST /api/v1/conversations/{id}/messages) to visitor socket: %s", replies.summary());
    line("  agent reply POST: %s", steady.replyLatency.summary());

    // Saturation, in steps.
    Path jfr = Path.of("target", "benchmark", "ingest.jfr").toAbsolutePath();
    if (JFR) {
      jcmd("JFR.configure", "stackdepth=256"); // whole stacks: a request's are deeper than JFR's 64 frames
      jcmd("JFR.start", "name=ingest", "settings=profile");
    }
    line("Saturation, %d s per step (CPU per message: server process, PostgreSQL, this client):", STEP_SECONDS);
    double best = 0;
    for (int rate : RATES) {
      vacuum();
      ProcessCpu.Sample before = ProcessCpu.Sample.now();
      Step step = run(tokens, rate, rate * STEP_SECONDS, null, null);
      ProcessCpu.Sample used = ProcessCpu.Sample.now().minus(before);
      double stored = step.ok / step.seconds();
      best = Math.max(best, stored);
      boolean kept = step.okInTime >= 0.95 * step.sent && step.latency.percentile(99) < 1_000;
      line("  offered %5d/s: %6.0f stored/s, %d failed, POST %s; CPU/message %.2f ms server (%.2f of it JIT), %.2f ms PostgreSQL,"
          + " %.2f ms client%s", rate, stored, step.failed, step.latency.summary(), used.serverMillis() / step.ok,
          used.compilerMillis() / step.ok, used.databaseMillis() / step.ok, used.clientMillis() / step.ok,
          kept ? "" : "  <- not kept up");
      awaitAllSeen();
      if (!kept) {
        break;
      }
    }
    if (JFR) {
      Files.createDirectories(jfr.getParent());
      jcmd("JFR.dump", "name=ingest", "filename=" + jfr);
      jcmd("JFR.stop", "name=ingest");
      line("JFR recording of the saturation steps: %s", jfr);
    }
    line("Throughput at saturation: %.0f visitor messages stored/s", best);

    vacuum();
    double pgbench = pgbench(conversations);
    line("pgbench, the same statements as one transaction, 32 clients: %.0f tx/s; ratio Convot / pgbench: %.2f", pgbench, best / pgbench);
    line("Load average after: %.2f", load());

    assertEquals(0, closedSockets.get(), "sockets closed by the server during the run");
    sockets.forEach(WebSocket::abort);
    Path out = Path.of("target", "benchmark", "ingest.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  /**
   * Visitor messages (and agent replies) at the steady rate, 10 s at a time, until the server's JIT
   * compiler threads take less than {@link #WARM_JIT_SHARE} of its CPU over a round (at least
   * {@link #WARM_MIN_ROUNDS} rounds, at most {@link #WARM_MAX_ROUNDS}): what follows measures the
   * compiled paths, as a steady state is measured, rather than HotSpot compiling them.
   */
  private void warmUp(List<String> tokens, String agentToken, String[] conversations) throws Exception {
    double share = 1;
    int rounds = 0;
    long started = System.nanoTime();
    while (rounds < WARM_MAX_ROUNDS && (rounds < WARM_MIN_ROUNDS || share >= WARM_JIT_SHARE)) {
      ProcessCpu.Sample before = ProcessCpu.Sample.now();
      run(tokens, LATENCY_RATE, LATENCY_RATE * 10, agentToken, conversations);
      ProcessCpu.Sample used = ProcessCpu.Sample.now().minus(before);
      share = used.compilerMillis() / Math.max(1, used.serverMillis());
      rounds++;
    }
    line("Warm-up: %d s at %d/s with agent replies, until the JIT took %.1f %% of the server's CPU over 10 s (%s)",
        (System.nanoTime() - started) / 1_000_000_000L, LATENCY_RATE, 100 * share,
        share < WARM_JIT_SHARE ? "settled" : "the most rounds allowed");
  }

  /** A step's outcome: what was sent and answered, and the latencies from each due time. */
  private static final class Step {
    final Recorder latency = new Recorder();
    final Recorder replyLatency = new Recorder();
    final long startNanos = System.nanoTime();
    final AtomicLong lastAnswerNanos = new AtomicLong();
    int sent;
    final AtomicInteger okCount = new AtomicInteger();
    final AtomicInteger okInTimeCount = new AtomicInteger();
    final AtomicInteger failedCount = new AtomicInteger();
    int ok;
    int okInTime;
    int failed;

    /** From the first message's due time to the last answer. */
    double seconds() {
      return (lastAnswerNanos.get() - startNanos) / 1e9;
    }
  }

  /**
   * Sends {@code count} visitor messages at {@code rate}/s, in turn from each session, on schedule
   * whatever the answers; with an agent token, one agent reply per ten messages too. Waits for every
   * answer (at most a minute after the last was due).
   */
  private Step run(List<String> tokens, int rate, int count, String agentToken, String[] conversations) throws Exception {
    Step step = new Step();
    long period = 1_000_000_000L / rate;
    long deadline = step.startNanos + (long) count * period;
    List<CompletableFuture<?>> pending = new ArrayList<>(count + count / 10);
    for (int i = 0; i < count; i++) {
      long dueAt = step.startNanos + i * period;
      long wait = dueAt - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int visitor = i % tokens.size();
      int n = sequence.incrementAndGet();
      due[n] = dueAt;
      expectedVisitorMessages++;
      pending.add(post("/widget/v1/messages", tokens.get(visitor), "{\"text\":\"v" + n + "\"}").thenAccept(response -> {
        long now = System.nanoTime();
        step.lastAnswerNanos.accumulateAndGet(now, Math::max);
        if (response.statusCode() == 201) {
          step.okCount.incrementAndGet();
          if (now - dueAt < 1_000_000_000L && now <= deadline + 1_000_000_000L) {
            step.okInTimeCount.incrementAndGet();
          }
          if (conversations != null && conversations[visitor] == null) {
            conversations[visitor] = Json.createReader(new StringReader(response.body())).readObject().getString("conversation_id");
          }
        } else {
          step.failedCount.incrementAndGet();
          if (step.failedCount.get() <= 3) {
            System.out.println("[benchmark] refused: " + response.statusCode() + " " + response.body());
          }
        }
        step.latency.add(now - dueAt);
      }).exceptionally(failure -> {
        step.failedCount.incrementAndGet();
        return null;
      }));
      if (agentToken != null && i % 10 == 5 && conversations[visitor] != null) {
        int reply = sequence.incrementAndGet();
        due[reply] = dueAt;
        pending.add(post("/api/v1/conversations/" + conversations[visitor] + "/messages", agentToken, "{\"text\":\"a" + reply + "\"}")
            .thenAccept(response -> {
              assertEquals(201, response.statusCode(), response::body);
              step.replyLatency.add(System.nanoTime() - dueAt);
            }));
      }
    }
    step.sent = count;
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    step.ok = step.okCount.get();
    step.okInTime = step.okInTimeCount.get();
    step.failed = step.failedCount.get();
    return step;
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String token, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Origin", Widget.HOST_ORIGIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<String> sessions(Widget widget) throws Exception {
    ExecutorService starting = Executors.newFixedThreadPool(8);
    List<CompletableFuture<String>> started = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      int n = i;
      started.add(CompletableFuture.supplyAsync(() -> widget.session(
          "\"user\": {\"email\": \"visitor" + n + "@shop.test\", \"nickname\": \"Visitor " + n + "\"}"), starting));
    }
    List<String> tokens = new ArrayList<>();
    for (CompletableFuture<String> token : started) {
      tokens.add(token.get());
    }
    starting.shutdown();
    return tokens;
  }

  private static WebSocket connect(String path, String token, Listener listener) {
    WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
        .buildAsync(URI.create(Api.BASE_URL.replaceFirst("^http", "ws") + path), listener).join();
    socket.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true).join();
    return socket;
  }

  /** Message frames carry the text {@code v<n>} (a visitor's) or {@code a<n>} (an agent's); found without parsing. */
  private static int numbered(CharSequence frame, char kind) {
    String text = frame.toString();
    int at = text.indexOf("\"text\":\"" + kind);
    if (at < 0 || !text.startsWith("{\"type\":\"message\"")) {
      return -1;
    }
    int start = at + 9;
    int end = start;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end > start && end < text.length() && text.charAt(end) == '"' ? Integer.parseInt(text, start, end, 10) : -1;
  }

  private void agent(int agent, CharSequence frame) {
    int n = numbered(frame, 'v');
    if (n > 0) {
      endToEnd.add(System.nanoTime() - due[n]);
      seenByAgent[agent].incrementAndGet();
    }
  }

  private void visitor(CharSequence frame) {
    int n = numbered(frame, 'a');
    if (n > 0) {
      replies.add(System.nanoTime() - due[n]);
    }
  }

  /** Waits until every agent socket has seen every visitor message sent so far. */
  private void awaitAllSeen() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    int expected = expectedVisitorMessages;
    for (AtomicInteger seen : seenByAgent) {
      while (seen.get() < expected) {
        assertEquals(0, closedSockets.get(), "sockets closed by the server");
        assertTrue(System.nanoTime() < deadline, () -> "an agent socket saw " + seen.get() + " of " + expected + " messages");
        Thread.sleep(50);
      }
    }
  }

  private volatile int expectedVisitorMessages;

  /** A WebSocket listener that hands each whole text frame over and counts {@code ready}. */
  private final class Listener implements WebSocket.Listener {
    private final CountDownLatch ready;
    private final java.util.function.Consumer<CharSequence> frames;
    private final StringBuilder partial = new StringBuilder();
    private boolean started;

    Listener(CountDownLatch ready, java.util.function.Consumer<CharSequence> frames) {
      this.ready = ready;
      this.frames = frames;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      CharSequence frame = data;
      if (!last || partial.length() > 0) {
        partial.append(data);
        frame = partial;
      }
      if (last) {
        if (!started && frame.toString().contains("\"type\":\"ready\"")) { // the first frame; its members in any order
          started = true;
          ready.countDown();
        } else {
          frames.accept(frame);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      closedSockets.incrementAndGet();
      System.out.println("[benchmark] a socket was closed by the server: " + code + " " + reason);
      return null;
    }
  }

  /** Sockets the server closed: none should be. */
  private final AtomicInteger closedSockets = new AtomicInteger();

  /** Latencies in nanoseconds, summarized in milliseconds. */
  private static final class Recorder {
    private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

    void add(long nanos) {
      values.add(nanos);
    }

    double percentile(int p) {
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return Double.NaN;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    String summary() {
      return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d samples)",
          percentile(50), percentile(95), percentile(99), values.size());
    }
  }

  /**
   * pgbench with the statements one visitor message makes (see {@code ingest.pgbench} beside the
   * report), on conversations of this run, 32 clients for {@value #PGBENCH_SECONDS} s.
   */
  private static final int PGBENCH_SECONDS = 15;

  private double pgbench(String[] conversations) throws Exception {
    return Pgbench.run(conversations, PGBENCH_SECONDS, this::line);
  }

  /**
   * What autovacuum would have done by now (it is off on some machines, this one's test database
   * included): the row versions every message's update of its conversation leaves behind removed,
   * the planner's statistics fresh, so that each phase, and pgbench, starts from the same state
   * rather than from a table bloated by the phases before it.
   */
  private static void vacuum() {
    Database.update("VACUUM (ANALYZE) conversations, messages, events, contacts, widget_sessions, conversation_notices");
  }

  private static void jcmd(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(TestServer.pid())));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private void line(String format, Object... values) {
    String line = String.format(Locale.ROOT, format, values);
    report.add(line);
    System.out.println("[benchmark] " + line);
  }
}
