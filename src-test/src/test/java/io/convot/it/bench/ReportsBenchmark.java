package io.convot.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The reports of one organization of {@value #DEFAULT_CONVERSATIONS} conversations and ten times
 * as many messages over the last 365 days (two apps, five members and an API key answering, notes,
 * deletions, a tenth unanswered, four fifths resolved, some twice), written straight into the
 * database; then p50/p95 of each report endpoint for 30 and for 365 days, timed by the client, and
 * the CSV of the year streamed: its rate in rows per second and the server's heap while it streams
 * (sampled with {@code jstat} every 100 ms). Printed and written to
 * {@code target/benchmark/reports.txt}; run with {@code mvn verify -Pbenchmark -Dit.test=ReportsBenchmark}
 * ({@code -Dbench.conversations} changes the size). Asserts only that the figures count what was written.
 */
class ReportsBenchmark {

  private static final int DEFAULT_CONVERSATIONS = 100_000;
  private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", DEFAULT_CONVERSATIONS);
  private static final int RUNS = Integer.getInteger("bench.runs", 40);
  private static final Path WLP = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"));

  /** Per conversation n: its creation c0 spread over the year before {@code ?} and the step between its messages. */
  private static final String SPREAD = """
      (SELECT n, CAST(? AS timestamptz) - ((hashtext(n::text)::bigint & 2147483647) / 2147483648.0) * interval '365 days' AS c0,
              (1 + n %% 7) * interval '1 minute' AS step,
              CASE WHEN n %% 4 = 0 THEN CAST(? AS uuid) ELSE CAST(? AS uuid) END AS app
       FROM generate_series(1, %d) n) g""".formatted(CONVERSATIONS);

  private final List<String> report = new ArrayList<>();

  @Test
  void measureTheReports() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Reports benchmark");
    String shop = Widget.createApp(owner.api(), "Shop", false).getString("id");
    String desk = Widget.createApp(owner.api(), "Desk", false).getString("id");
    List<String> members = new ArrayList<>(List.of(owner.memberId()));
    for (int i = 0; i < 4; i++) {
      members.add(Team.join(owner, "agent").memberId());
    }
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    long seeding = System.nanoTime();
    seed(owner.organizationId(), shop, desk, members, tomorrow);
    report.add(String.format(Locale.ROOT, "seeded %,d conversations, %,d messages in %.1f s", CONVERSATIONS, CONVERSATIONS * 10L,
        (System.nanoTime() - seeding) / 1e9));

    String year = "from=" + tomorrow.minusDays(365) + "&to=" + tomorrow;
    String month = "from=" + tomorrow.minusDays(30) + "&to=" + tomorrow;
    JsonObject all = owner.api().get("/api/v1/reports/summary?" + year).json();
    assertEquals(CONVERSATIONS, all.getInt("conversations_created"), "every conversation lies in the year");
    assertEquals(CONVERSATIONS / 10, all.getInt("unanswered"));
    report.add("365 days: " + headline(all));
    report.add("30 days:  " + headline(owner.api().get("/api/v1/reports/summary?" + month).json()));

    for (String[] range : List.of(new String[] {"30 days", month}, new String[] {"365 days", year})) {
      request(owner.api(), "GET /reports/summary, " + range[0] + ", per day", "/api/v1/reports/summary?" + range[1]);
      request(owner.api(), "GET /reports/summary, " + range[0] + ", per week", "/api/v1/reports/summary?interval=week&" + range[1]);
      request(owner.api(), "GET /reports/agents, " + range[0], "/api/v1/reports/agents?" + range[1]);
      request(owner.api(), "GET /reports/summary, " + range[0] + ", one app", "/api/v1/reports/summary?app_id=" + desk + "&" + range[1]);
    }
    csv(owner, year, CONVERSATIONS);

    String text = String.format(Locale.ROOT, "Reports benchmark (%d cores, load average %.2f)%n",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + String.join(System.lineSeparator(), report) + System.lineSeparator();
    System.out.println(text);
    Path out = Path.of("target/benchmark/reports.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static String headline(JsonObject s) {
    return String.format(Locale.ROOT, "created %d, resolved %d, received %d, sent %d, unanswered %d, first response %s, resolution %s",
        s.getInt("conversations_created"), s.getInt("conversations_resolved"), s.getInt("messages_received"),
        s.getInt("messages_sent"), s.getInt("unanswered"), s.getJsonObject("first_response"), s.getJsonObject("resolution"));
  }

  /**
   * Contacts, conversations (with what the message path records), ten messages each (visitor and
   * team in turn; all from the visitor in a tenth; a note in a tenth; a deleted message in a
   * twentieth), and resolutions (four fifths resolved, a tenth of those twice), then VACUUM ANALYZE.
   */
  private static void seed(String organization, String shop, String desk, List<String> members, LocalDate tomorrow) {
    String people = "{" + String.join(",", members) + "}";
    Object end = tomorrow.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
    Database.update("""
        INSERT INTO contacts (id, organization_id, app_id, email, created_at, updated_at)
        SELECT md5(?::text || 'c' || n)::uuid, CAST(? AS uuid), g.app, 'buyer' || n || '@shop.test', g.c0, g.c0 FROM %s""".formatted(SPREAD),
        organization, organization, end, desk, shop);
    Database.update("""
        INSERT INTO conversations (id, organization_id, app_id, contact_id, status, created_at, updated_at, resolved_at,
            last_message_at, last_activity_at, first_visitor_message_at, first_reply_at, first_responder_id)
        SELECT md5(?::text || 'v' || n)::uuid, CAST(? AS uuid), g.app, md5(?::text || 'c' || n)::uuid,
               CASE WHEN n %% 5 = 0 THEN 'open' ELSE 'resolved' END, g.c0, g.c0 + 10 * g.step,
               CASE WHEN n %% 5 <> 0 THEN g.c0 + interval '1 hour' + (n %% 50) * interval '1 minute' END,
               g.c0 + 9 * g.step, g.c0 + 9 * g.step, g.c0,
               CASE WHEN n %% 10 <> 0 THEN g.c0 + g.step END,
               CASE WHEN n %% 10 <> 0 THEN (CAST(? AS uuid[]))[1 + (n + 2) %% 6] END
        FROM %s""".formatted(SPREAD), organization, organization, organization, people, end, desk, shop);
    Database.update("""
        INSERT INTO messages (id, organization_id, app_id, conversation_id, author_type, member_id, private, text,
            created_at, updated_at, deleted_at)
        SELECT gen_random_uuid(), CAST(? AS uuid), g.app, md5(?::text || 'v' || n)::uuid,
               CASE WHEN k %% 2 = 1 OR n %% 10 = 0 THEN 'visitor' ELSE 'agent' END,
               CASE WHEN k %% 2 = 0 AND n %% 10 <> 0 THEN (CAST(? AS uuid[]))[1 + (n + k) %% 6] END,
               k = 6 AND n %% 5 = 0 AND n %% 10 <> 0, 'message ' || k,
               g.c0 + (k - 1) * g.step, g.c0 + (k - 1) * g.step,
               CASE WHEN k = 9 AND n %% 20 = 0 THEN g.c0 + 10 * g.step END
        FROM %s, generate_series(1, 10) k""".formatted(SPREAD), organization, organization, people, end, desk, shop);
    Database.update("""
        INSERT INTO conversation_resolutions (id, organization_id, app_id, conversation_id, member_id, conversation_created_at, resolved_at)
        SELECT gen_random_uuid(), CAST(? AS uuid), g.app, md5(?::text || 'v' || n)::uuid, (CAST(? AS uuid[]))[1 + n %% 6], g.c0,
               g.c0 + interval '1 hour' + (n %% 50) * interval '1 minute'
        FROM %s WHERE n %% 5 <> 0""".formatted(SPREAD), organization, organization, people, end, desk, shop);
    Database.update("""
        INSERT INTO conversation_resolutions (id, organization_id, app_id, conversation_id, member_id, conversation_created_at, resolved_at)
        SELECT gen_random_uuid(), CAST(? AS uuid), g.app, md5(?::text || 'v' || n)::uuid, (CAST(? AS uuid[]))[1 + (n + 3) %% 6], g.c0,
               g.c0 + interval '30 minutes'
        FROM %s WHERE n %% 10 = 1""".formatted(SPREAD), organization, organization, people, end, desk, shop);
    Database.update("VACUUM ANALYZE contacts, conversations, messages, conversation_resolutions");
  }

  private void request(Api api, String name, String path) {
    for (int warm = 0; warm < 3; warm++) {
      assertEquals(200, api.get(path).status());
    }
    List<Double> times = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      Api.Reply reply = api.get(path);
      times.add((System.nanoTime() - start) / 1e6);
      assertEquals(200, reply.status(), reply::toString);
    }
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    report.add(String.format(Locale.ROOT, "%-46s p50 %7.1f ms, p95 %7.1f ms, min %7.1f ms, max %7.1f ms (%d runs)", name,
        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(0),
        sorted.get(sorted.size() - 1), sorted.size()));
  }

  /** Streams the year's CSV, counting its rows, while the server's heap is sampled. */
  private void csv(Organizations.Owner owner, String range, int expectedRows) throws Exception {
    long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/convot-test.pid")).trim());
    new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor(30, TimeUnit.SECONDS);
    long before = heapUsedKb(pid);
    AtomicBoolean streaming = new AtomicBoolean(true);
    AtomicLong peak = new AtomicLong();
    List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    Thread sampler = new Thread(() -> {
      while (streaming.get()) {
        long used = heapUsedKb(pid);
        samples.add(used);
        peak.accumulateAndGet(used, Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/reports/conversations.csv?" + range))
        .header("Authorization", "Bearer " + owner.token()).timeout(Duration.ofMinutes(10)).build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = 0;
    long rows = -1;
    long bytes = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (rows < 0) {
          firstByte = System.nanoTime() - start;
        }
        rows++;
        bytes += line.length() + 2;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    streaming.set(false);
    sampler.join();
    assertEquals(200, response.statusCode());
    assertEquals(expectedRows, rows, "one row per conversation of the year");
    List<Long> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    report.add(String.format(Locale.ROOT, "GET /reports/conversations.csv, 365 days: %,d rows (%.1f MB) in %.1f s = %,.0f rows/s,"
        + " first line after %.0f ms", rows, bytes / 1e6, seconds, rows / seconds, firstByte / 1e6));
    report.add(String.format(Locale.ROOT, "  server heap used while streaming: %,d MB after a GC before it, median %,d MB, peak %,d MB"
        + " (%d samples by jstat; garbage included until collected)", before / 1024, sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1024,
        peak.get() / 1024, sorted.size()));
  }

  /** S0U + S1U + EU + OU of {@code jstat -gc}: the heap in use, in KB. */
  private static long heapUsedKb(long pid) {
    try {
      Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
      List<String> out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      jstat.waitFor(10, TimeUnit.SECONDS);
      if (out.size() < 2) {
        return 0;
      }
      String[] names = out.get(0).trim().split("\\s+");
      String[] values = out.get(1).trim().split("\\s+");
      double used = 0;
      for (int i = 0; i < names.length && i < values.length; i++) {
        if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
          used += Double.parseDouble(values[i]);
        }
      }
      return (long) used;
    } catch (Exception e) {
      return 0;
    }
  }
}
