package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.crisp.CrispApiSimulator;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How fast an import from Crisp stores history: {@value #CONVERSATIONS} conversations of
 * {@value #MESSAGES_EACH} messages each (and {@value #PEOPLE} people) from the simulated Crisp API,
 * start to completed, twice: into a server that has not imported yet, then again (another website
 * of the same size into another app) into the server the first import warmed up; with the CPU time the
 * server, PostgreSQL and the simulator (this JVM) spent, and the raw limit of the same run: the
 * simulator answering the importer's requests to a bare client that only parses them, with the
 * importer's concurrency. Printed and written to {@code target/benchmark/import.txt}. Run with
 * {@code mvn verify -Pbenchmark}.
 */
class ImportBenchmark {

  private static final int PEOPLE = 1_000;
  private static final int CONVERSATIONS = 5_000;
  private static final int MESSAGES_EACH = 20;
  /** The server's {@code convot.imports.fetch-concurrency} (its default). */
  private static final int FETCH_CONCURRENCY = Integer.getInteger("bench.fetch-concurrency", 4);

  @Test
  void importFiveThousandConversationsOfTwentyMessages() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Import benchmark");

    CrispWebsite first = CrispApiSimulator.get().website("Import benchmark, first");
    load(first, "first", PEOPLE, CONVERSATIONS);
    Run cold = importAll(owner, first, CONVERSATIONS);
    first.forget();

    CrispWebsite website = CrispApiSimulator.get().website("Import benchmark");
    load(website, "bench", PEOPLE, CONVERSATIONS);
    Run run = importAll(owner, website, CONVERSATIONS);
    Raw raw = rawFetch(website);

    int messages = CONVERSATIONS * MESSAGES_EACH;
    String report = String.format(java.util.Locale.ROOT, """
        Import benchmark (%s, %d cores, load average %.2f)
        people: %d, conversations: %d, messages: %d (%d each), from the simulated Crisp API on this machine
        %s
        %s
        raw limit, same run: the simulator answering the conversations phase's %d requests to a client
          that only parses them, %d conversations at a time, page after page: %d ms (%.0f requests/s,
          the import's messages at %.0f/s); CPU per message %.3f ms simulator and client
        """, Instant.now(), Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        PEOPLE, CONVERSATIONS, messages, MESSAGES_EACH,
        cold.report("first import, into a server that had not imported yet", messages),
        run.report("second import, same size (another website, another app)", messages),
        raw.requests, FETCH_CONCURRENCY, raw.elapsed.toMillis(), raw.requests * 1000.0 / raw.elapsed.toMillis(),
        messages * 1000.0 / raw.elapsed.toMillis(), raw.clientCpuMillis / messages);
    System.out.println(report);
    Path out = Path.of("target/benchmark/import.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /** One import's figures. */
  private record Run(Duration total, Duration conversationsPhase, int requests, int pages, ProcessCpu.Sample cpu) {
    String report(String title, int messages) {
      return String.format(java.util.Locale.ROOT, """
          %s:
            start (202) to completed:         %d ms
            conversations and messages phase: %d ms
            messages stored per second:       %.0f over the whole import, %.0f in the conversations phase
            Crisp requests:                   %d (%d pages stored)
            CPU per message stored:           %.3f ms server (%.3f of it its JIT compiler threads), %.3f ms PostgreSQL,
                                              %.3f ms simulator and test client""",
          title, total.toMillis(), conversationsPhase.toMillis(), messages * 1000.0 / total.toMillis(),
          messages * 1000.0 / conversationsPhase.toMillis(), requests, pages,
          cpu.serverMillis() / messages, cpu.compilerMillis() / messages, cpu.databaseMillis() / messages,
          cpu.clientMillis() / messages);
    }
  }

  /** An import of the whole website into a new app of the owner's, checked complete. */
  private static Run importAll(Organizations.Owner owner, CrispWebsite website, int conversations) throws Exception {
    String appId = Organizations.createApp(owner.api(), website.id()).getString("id");
    ProcessCpu.Sample before = ProcessCpu.Sample.now();
    Instant asked = Instant.now();
    Api.Reply started = owner.api().post("/api/v1/imports", Json.createObjectBuilder().add("source", "crisp").add("app_id", appId)
        .add("website_id", website.id()).add("identifier", website.identifier()).add("key", website.key()).build().toString());
    assertEquals(202, started.status(), started::toString);
    String id = started.json().getString("id");
    JsonObject done = Eventually.await(() -> owner.api().get("/api/v1/imports/" + id).json(),
        now -> !"queued".equals(now.getString("status")) && !"running".equals(now.getString("status")),
        Duration.ofMinutes(20), "the import ends");
    ProcessCpu.Sample cpu = ProcessCpu.Sample.now().minus(before);
    assertEquals("completed", done.getString("status"), done::toString);
    Instant finished = Instant.parse(done.getString("finished_at"));
    List<CrispWebsite.Request> requests = website.requests();
    Instant firstConversations = requests.stream().filter(r -> r.path().contains("/conversations/")).findFirst().orElseThrow().at();

    int messages = conversations * MESSAGES_EACH;
    assertEquals(messages, Database.count("SELECT count(*) FROM messages WHERE app_id = ?::uuid", appId));
    assertEquals(conversations, Database.count("SELECT count(*) FROM conversations WHERE app_id = ?::uuid", appId));
    assertEquals(messages, done.getJsonObject("progress").getInt("messages"));
    return new Run(Duration.between(asked, finished), Duration.between(firstConversations, finished), requests.size(),
        done.getJsonObject("progress").getInt("pages_done"), cpu);
  }

  /** What the raw fetch took. */
  private record Raw(Duration elapsed, int requests, double clientCpuMillis) {}

  /**
   * The importer's requests for conversations and messages without the importer: a page of
   * conversations, then each conversation's messages and the batch before them, {@link
   * #FETCH_CONCURRENCY} at a time, every answer parsed as JSON; the next page once the page is read.
   */
  private static Raw rawFetch(CrispWebsite website) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String authorization = "Basic " + Base64.getEncoder().encodeToString(
        (website.identifier() + ":" + website.key()).getBytes(StandardCharsets.UTF_8));
    String base = CrispApiSimulator.get().baseUrl() + "/website/" + website.id();
    ExecutorService fetchers = Executors.newFixedThreadPool(FETCH_CONCURRENCY);
    AtomicInteger requests = new AtomicInteger();
    java.util.function.Function<String, JsonArray> get = url -> {
      try {
        HttpResponse<java.io.InputStream> reply = client.send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization).header("X-Crisp-Tier", "plugin").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        requests.incrementAndGet();
        try (JsonReader reader = Json.createReader(reply.body())) {
          assertEquals(200, reply.statusCode(), url);
          return reader.readObject().getJsonArray("data");
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    double cpuBefore = ProcessCpu.Sample.now().clientMillis();
    long started = System.nanoTime();
    try {
      for (int page = 1; ; page++) {
        JsonArray conversations = get.apply(base + "/conversations/" + page + "?per_page=50");
        if (conversations.isEmpty()) {
          break;
        }
        List<Future<?>> reads = new ArrayList<>();
        for (JsonValue conversation : conversations) {
          String messages = base + "/conversation/" + ((JsonObject) conversation).getString("session_id") + "/messages";
          reads.add(fetchers.submit(() -> {
            long oldest = get.apply(messages).stream().mapToLong(m -> ((JsonObject) m).getJsonNumber("timestamp").longValue())
                .min().orElseThrow();
            assertTrue(get.apply(messages + "?timestamp_before=" + oldest).isEmpty());
          }));
        }
        for (Future<?> read : reads) {
          read.get();
        }
      }
    } finally {
      fetchers.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new Raw(elapsed, requests.get(), ProcessCpu.Sample.now().clientMillis() - cpuBefore);
  }

  /** People (only for the measured website) and conversations, named from {@code prefix}. */
  private static void load(CrispWebsite website, String prefix, int people, int conversations) {
    Instant start = Instant.now().minus(Duration.ofDays(365));
    for (int p = 0; p < people; p++) {
      website.person(CrispWebsite.person(prefix + "-" + p, prefix + p + "@example.test", "Bench " + p, null, null, List.of(), start));
    }
    for (int c = 0; c < conversations; c++) {
      String session = "session_" + prefix + "_" + c;
      Instant at = start.plusSeconds(c * 3_000L);
      List<JsonObject> messages = new ArrayList<>();
      for (int m = 0; m < MESSAGES_EACH; m++) {
        messages.add(CrispWebsite.message(session, m + 1, m % 5 == 4 ? "note" : "text", m % 2 == 0 ? "user" : "operator",
            Json.createValue("Message " + m + " of conversation " + c + ": some words a customer or an agent would write."),
            at.plusSeconds(m * 45L), m % 2 == 0 ? "Bench " + c : "Crisp Agent"));
      }
      website.conversation(CrispWebsite.conversation(session, c % 3 == 0 ? "pending" : "resolved", at, at.plusSeconds(1_000),
          prefix + c + "@example.test", "Bench " + c, List.of(), Map.of()), messages);
    }
  }
}
