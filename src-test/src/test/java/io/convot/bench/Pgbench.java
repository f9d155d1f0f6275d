package io.convot.bench;

import io.convot.it.support.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own rate for the statements of one visitor message, run by {@code pgbench} on the
 * benchmark's conversations, as the application's role inside the organization (row-level
 * security applies as it does to the server). The script is written beside the report
 * ({@code target/benchmark/ingest.pgbench}).
 */
final class Pgbench {

  private static final int CLIENTS = 32;
  /** The role the server's connections take ({@code CONVOT_DB_APP_ROLE}). */
  private static final String APP_ROLE = System.getenv().getOrDefault("CONVOT_DB_APP_ROLE", "convot_app");

  private Pgbench() {}

  /** Runs the script for {@code seconds} and returns transactions per second. */
  static double run(String[] conversations, int seconds, BiConsumer<String, Object[]> log) throws Exception {
    int count = prepareTargets(conversations);
    Path script = Path.of("target", "benchmark", "ingest.pgbench").toAbsolutePath();
    Files.createDirectories(script.getParent());
    Files.writeString(script, script(), StandardCharsets.UTF_8);
    ProcessBuilder pgbench = new ProcessBuilder(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(CLIENTS), "-j", "2",
        "-T", String.valueOf(seconds), "-D", "targets=" + count, "-f", script.toString()))
        .redirectErrorStream(true);
    pgbench.environment().putAll(Database.commandLineEnvironment(Database.URL));
    pgbench.environment().put("PGOPTIONS", "-c role=" + APP_ROLE);
    Process process = pgbench.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    Matcher latency = Pattern.compile("latency average = ([0-9.]+ ms)").matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench's output:\n" + output);
    }
    log.accept("pgbench: %s clients, %d s, latency average %s", new Object[] {CLIENTS, seconds, latency.find() ? latency.group(1) : "?"});
    return Double.parseDouble(tps.group(1));
  }

  /** The conversations (and their contacts and apps) the script writes to, numbered from 1. */
  private static int prepareTargets(String[] conversations) throws Exception {
    try (Connection connection = Database.connect(Database.URL)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS bench_ingest_targets");
        statement.execute("CREATE TABLE bench_ingest_targets (n int PRIMARY KEY, conversation_id uuid, contact_id uuid, app_id uuid,"
            + " session_id uuid, token_hash text, organization_id uuid)");
        statement.execute("GRANT SELECT ON bench_ingest_targets TO " + APP_ROLE);
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_ingest_targets "
          + "SELECT ?, c.id, c.contact_id, c.app_id, s.id, s.token_hash, c.organization_id FROM conversations c"
          + " JOIN LATERAL (SELECT id, token_hash FROM widget_sessions WHERE contact_id = c.contact_id ORDER BY created_at DESC LIMIT 1) s ON true"
          + " WHERE c.id = ?")) {
        int n = 0;
        for (String conversation : conversations) {
          insert.setInt(1, ++n);
          insert.setObject(2, UUID.fromString(conversation));
          insert.addBatch();
        }
        insert.executeBatch();
        return n;
      }
    }
  }

  private static String script() throws IOException {
    try (var in = Pgbench.class.getResourceAsStream("ingest.pgbench")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
