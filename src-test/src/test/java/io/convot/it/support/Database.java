package io.convot.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads (and, for set-ups, changes) the test server's database as its owner, to check what was (not)
 * stored. The owner is the user the servers connect as: {@code CONVOT_DB_USER} with
 * {@code CONVOT_DB_PASSWORD} (default {@code postgres}, no password), and the databases are the
 * tests' own on {@code CONVOT_DB_URL}'s server (the build passes their URLs).
 */
public final class Database {

  public static final String URL = System.getProperty("convot.test.db-url", onTheServer("convot_it"));
  /** The database of the two-server tests (convot-node-a and -b). */
  public static final String CLUSTER_URL = System.getProperty("convot.test.cluster.db-url", onTheServer("convot_it_cluster"));

  private static final String USER = environment("CONVOT_DB_USER", "postgres");
  private static final String PASSWORD = environment("CONVOT_DB_PASSWORD", "");

  private Database() {}

  /** A connection to the database at {@code url} as its owner. */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /**
   * The environment that points PostgreSQL's command-line tools ({@code pg_dump}, {@code psql}) at the
   * database at {@code url} as its owner; the password goes there, never on a command line.
   */
  public static Map<String, String> commandLineEnvironment(String url) {
    URI uri = URI.create(url.substring("jdbc:".length()));
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PGHOST", uri.getHost() == null ? "localhost" : uri.getHost().replaceAll("^\\[|\\]$", ""));
    environment.put("PGPORT", String.valueOf(uri.getPort() == -1 ? 5432 : uri.getPort()));
    environment.put("PGDATABASE", uri.getPath().substring(1));
    environment.put("PGUSER", USER);
    if (!PASSWORD.isEmpty()) {
      environment.put("PGPASSWORD", PASSWORD);
    }
    if (uri.getQuery() != null) {
      for (String parameter : uri.getQuery().split("&")) {
        if (parameter.startsWith("sslmode=")) {
          environment.put("PGSSLMODE", parameter.substring("sslmode=".length()));
        }
      }
    }
    return environment;
  }

  public static long count(String sql, Object... parameters) {
    return ((Number) single(sql, parameters)).longValue();
  }

  public static Object single(String sql, Object... parameters) {
    List<Object> rows = column(sql, parameters);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Changes rows as the owner (past row-level security), to set up what a test cannot reach through the API. */
  public static int update(String sql, Object... parameters) {
    return updateIn(URL, sql, parameters);
  }

  /** {@link #update} in the database at {@code url}. */
  public static int updateIn(String url, String sql, Object... parameters) {
    try (Connection connection = connect(url)) {
      return update(connection, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  public static List<Object> column(String sql, Object... parameters) {
    return columnIn(URL, sql, parameters);
  }

  /** {@link #column} in the database at {@code url}. */
  public static List<Object> columnIn(String url, String sql, Object... parameters) {
    try (Connection connection = connect(url)) {
      return column(connection, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  /** A transaction of the test's own in the test server's database, left open while the server works. */
  public static Transaction begin() {
    try {
      Connection connection = connect(URL);
      connection.setAutoCommit(false);
      return new Transaction(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("no connection to " + URL + ": " + e.getMessage(), e);
    }
  }

  /** An open transaction as the owner: rolled back when closed unless committed. */
  public static final class Transaction implements AutoCloseable {
    private final Connection connection;
    private final int backend;

    private Transaction(Connection connection) throws SQLException {
      this.connection = connection;
      this.backend = ((Number) column(connection, "SELECT pg_backend_pid()").get(0)).intValue();
    }

    public int update(String sql, Object... parameters) {
      try {
        return Database.update(connection, sql, parameters);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
      }
    }

    /** The PostgreSQL backend process of this transaction's connection. */
    public int backend() {
      return backend;
    }

    /** How many other sessions wait for a lock this transaction holds (asked on a connection of its own). */
    public long sessionsWaitingOnIt() {
      return count("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", backend);
    }

    public void commit() throws SQLException {
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      try {
        connection.rollback();
      } finally {
        connection.close();
      }
    }
  }

  private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  private static List<Object> column(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** {@code name} on the server of {@code CONVOT_DB_URL}, with its parameters (when run without the build). */
  private static String onTheServer(String name) {
    String url = environment("CONVOT_DB_URL", "jdbc:postgresql://localhost:5432/convot");
    return url.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$", "$1/" + name + "$3");
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
