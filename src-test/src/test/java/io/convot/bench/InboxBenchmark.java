package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inbox's reads in an organization of {@value #CONVERSATIONS} conversations (three messages
 * each, a fifth of them open, a third assigned to the owner, the owner's read marker on half),
 * printed and written to {@code target/benchmark/inbox.txt}; run with
 * {@code mvn verify -Dit.test=InboxBenchmark}. The counts statement's own time is read from
 * PostgreSQL ({@code EXPLAIN ANALYZE}, as the application's role inside the organization), the
 * requests' from the client. Not a test of speed: it asserts only the counts.
 */
class InboxBenchmark {

  private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 10_000);
  private static final int RUNS = 30;

  /** The statement of {@code io.convot.conversation.Inbox#counts} for a member, in every app. */
  private static final String COUNTS = """
      SELECT count(*) FILTER (WHERE c.status = 'open'),
             count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id = CAST(? AS uuid)),
             count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id IS NULL),
             count(*) FILTER (WHERE c.status = 'resolved'),
             count(*) FILTER (WHERE c.status = 'open' AND c.waiting_since IS NOT NULL),
             count(*) FILTER (WHERE c.last_visitor_message_at > coalesce(r.read_up_to, '-infinity'))
      FROM conversations c
      LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.member_id = CAST(? AS uuid)
      WHERE c.organization_id = convot_current_organization()""";

  private final List<String> report = new ArrayList<>();

  @Test
  void measureTheInbox() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Inbox benchmark");
    String appId = Widget.createApp(owner.api(), "Busy app", false).getString("id");
    long seeding = System.nanoTime();
    seed(UUID.fromString(owner.organizationId()), UUID.fromString(appId), UUID.fromString(owner.memberId()));
    report.add(String.format(Locale.ROOT, "seeded %,d conversations in %.1f s", CONVERSATIONS, (System.nanoTime() - seeding) / 1e9));

    JsonObject counts = owner.api().get("/api/v1/conversations/counts").json();
    assertEquals(CONVERSATIONS / 5, counts.getInt("open"), counts::toString);
    report.add("counts: " + counts);

    statement(owner);
    request(owner.api(), "GET /api/v1/conversations/counts", "/api/v1/conversations/counts");
    request(owner.api(), "GET /api/v1/conversations/counts?app_id=...", "/api/v1/conversations/counts?app_id=" + appId);
    request(owner.api(), "GET /api/v1/conversations?status=open (50)", "/api/v1/conversations?status=open");
    request(owner.api(), "GET /api/v1/conversations?assignee_id=me&status=open (50)", "/api/v1/conversations?assignee_id=me&status=open");
    request(owner.api(), "GET /api/v1/conversations?assignee_id=none&status=open (50)", "/api/v1/conversations?assignee_id=none&status=open");
    String deep = deepCursor(owner.api());
    request(owner.api(), "GET /api/v1/conversations?status=resolved, page 20 (50)", "/api/v1/conversations?status=resolved&cursor=" + deep);

    String text = String.format(Locale.ROOT, "Inbox benchmark (%d cores, load average %.2f)%n",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + String.join(System.lineSeparator(), report) + System.lineSeparator();
    System.out.println(text);
    Path out = Path.of("target/benchmark/inbox.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /** Contacts, conversations, three messages each and read markers, written straight into the database. */
  private static void seed(UUID organization, UUID app, UUID owner) {
    Database.update("""
        INSERT INTO contacts (id, organization_id, app_id, created_at, updated_at)
        SELECT gen_random_uuid(), ?, ?, now() - n * interval '1 minute', now() - n * interval '1 minute'
        FROM generate_series(1, ?) n""", organization, app, CONVERSATIONS);
    Database.update("""
        INSERT INTO conversations (id, organization_id, app_id, contact_id, status, assignee_id, created_at, updated_at,
            resolved_at, last_message_at, last_activity_at, last_visitor_message_at, waiting_since)
        SELECT gen_random_uuid(), c.organization_id, c.app_id, c.id,
               CASE WHEN c.n % 5 = 0 THEN 'open' ELSE 'resolved' END, CASE WHEN c.n % 3 = 0 THEN ?::uuid END,
               c.created_at, c.created_at + interval '30 seconds',
               CASE WHEN c.n % 5 <> 0 THEN c.created_at + interval '30 seconds' END,
               c.created_at + interval '20 seconds', c.created_at + interval '20 seconds', c.created_at + interval '20 seconds',
               CASE WHEN c.n % 2 = 0 THEN c.created_at + interval '20 seconds' END
        FROM (SELECT id, organization_id, app_id, created_at, row_number() OVER (ORDER BY created_at) AS n
              FROM contacts WHERE app_id = ?) c""", owner, app);
    Database.update("""
        INSERT INTO messages (id, organization_id, app_id, conversation_id, author_type, private, text, created_at, updated_at)
        SELECT gen_random_uuid(), c.organization_id, c.app_id, c.id, CASE WHEN k = 2 THEN 'agent' ELSE 'visitor' END, false,
               'message ' || k, c.created_at + k * interval '10 seconds' - interval '10 seconds',
               c.created_at + k * interval '10 seconds' - interval '10 seconds'
        FROM conversations c, generate_series(1, 3) k WHERE c.app_id = ?""", app);
    Database.update("""
        UPDATE conversations c SET last_message_id = m.id
        FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id FROM messages WHERE app_id = ?
              ORDER BY conversation_id, created_at DESC, id DESC) m
        WHERE m.conversation_id = c.id""", app);
    Database.update("""
        INSERT INTO conversation_reads (id, organization_id, conversation_id, member_id, read_up_to, updated_at)
        SELECT gen_random_uuid(), c.organization_id, c.id, ?, c.last_message_at, now()
        FROM (SELECT *, row_number() OVER (ORDER BY created_at) AS n FROM conversations WHERE app_id = ?) c
        WHERE c.n % 2 = 1""", owner, app);
    Database.update("ANALYZE contacts, conversations, messages, conversation_reads");
  }

  /** The counts statement's plan and execution times in the database, as the application runs it. */
  private void statement(Organizations.Owner owner) throws Exception {
    List<Double> times = new ArrayList<>();
    String plan = "";
    try (Connection connection = Database.connect(Database.URL)) {
      connection.setAutoCommit(false);
      connection.createStatement().execute("SET LOCAL ROLE convot_app");
      try (PreparedStatement tenant = connection.prepareStatement("SELECT set_config('convot.organization_id', ?, true)")) {
        tenant.setString(1, owner.organizationId());
        tenant.executeQuery().close();
      }
      for (int run = 0; run < RUNS; run++) {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + COUNTS)) {
          explain.setString(1, owner.memberId());
          explain.setString(2, owner.memberId());
          StringBuilder lines = new StringBuilder();
          try (ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
              lines.append("    ").append(rows.getString(1)).append(System.lineSeparator());
            }
          }
          plan = lines.toString();
          times.add(Double.parseDouble(plan.replaceAll("(?s).*Execution Time: ([0-9.]+) ms.*", "$1")));
        }
      }
      connection.rollback();
    }
    report.add(summary("counts statement in PostgreSQL", times));
    report.add("  its plan (last run):" + System.lineSeparator() + plan.stripTrailing());
  }

  private void request(Api api, String name, String path) {
    List<Double> times = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      Api.Reply reply = api.get(path);
      times.add((System.nanoTime() - start) / 1e6);
      assertEquals(200, reply.status(), reply::toString);
    }
    report.add(summary(name, times));
  }

  /** The cursor after 19 pages of resolved conversations: the 20th page is far down the list. */
  private static String deepCursor(Api api) {
    String cursor = null;
    for (int page = 0; page < 19; page++) {
      JsonObject body = api.get("/api/v1/conversations?status=resolved" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      cursor = body.getString("next_cursor");
    }
    return cursor;
  }

  private static String summary(String name, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "%-58s p50 %7.2f ms, p90 %7.2f ms, min %7.2f ms, max %7.2f ms (%d runs)", name,
        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.get(0), sorted.get(sorted.size() - 1),
        sorted.size());
  }
}
