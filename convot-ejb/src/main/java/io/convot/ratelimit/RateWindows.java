package io.convot.ratelimit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Hit counters in PostgreSQL, shared by every server: a key's window starts at its first hit and
 * lasts the given duration, by the database's clock. Each call is one statement in autocommit,
 * outside any transaction of the caller's: a failed sign-in is counted although the sign-in's own
 * transaction rolls back, and the row lock of a busy key is held for one statement only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateWindows {

  // Keys are locked in sorted order, so two requests sharing keys never wait on each other in a cycle.
  private static final String HIT = """
      INSERT INTO rate_limit_windows AS w (key, window_ends, hits)
      SELECT k, now() + ? * interval '1 millisecond', 1 FROM unnest(?::text[]) WITH ORDINALITY AS u (k, n) ORDER BY n
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN w.window_ends <= now() THEN 1 ELSE w.hits + 1 END,
        window_ends = CASE WHEN w.window_ends <= now() THEN excluded.window_ends ELSE w.window_ends END
      RETURNING key, hits, ceil(extract(epoch FROM window_ends - now()))::bigint""";
  // Several keys' hits at once, each key's own count (the keys are distinct, hence no ORDINALITY).
  private static final String ADD = """
      INSERT INTO rate_limit_windows AS w (key, window_ends, hits)
      SELECT k, now() + ? * interval '1 millisecond', h FROM unnest(?::text[], ?::integer[]) AS u (k, h) ORDER BY k
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN w.window_ends <= now() THEN excluded.hits ELSE w.hits + excluded.hits END,
        window_ends = CASE WHEN w.window_ends <= now() THEN excluded.window_ends ELSE w.window_ends END
      RETURNING key, hits, ceil(extract(epoch FROM window_ends - now()) * 1000)::bigint""";
  private static final String PEEK = """
      SELECT key, hits, ceil(extract(epoch FROM window_ends - now()))::bigint
      FROM rate_limit_windows WHERE key = ANY (?::text[]) AND window_ends > now()""";
  private static final String CLEAR = "DELETE FROM rate_limit_windows WHERE key = ANY (?::text[])";
  private static final String PURGE = "DELETE FROM rate_limit_windows WHERE window_ends < now() - interval '1 minute'";

  @Resource(lookup = "jdbc/convot")
  DataSource dataSource;

  /** Counts one hit on every limit's key and returns each limit's usage in its current window. */
  public List<Usage> hit(Duration window, Collection<Limit> limits) {
    Map<String, Limit> byKey = byKey(limits);
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(HIT)) {
      statement.setLong(1, window.toMillis());
      statement.setArray(2, sortedKeys(connection, byKey));
      return usages(statement, byKey, window);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count rate-limited hits", e);
    }
  }

  /** A key's shared count in its current window, and the milliseconds until that window ends. */
  public record Shared(int hits, long remainingMillis) {}

  /**
   * Adds several hits per key at once (windows of {@code window} start for keys without an open
   * one) and returns each key's shared count after the addition.
   */
  public Map<String, Shared> add(Duration window, Map<String, Integer> hits) {
    List<String> keys = hits.keySet().stream().sorted().toList();
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(ADD)) {
      statement.setLong(1, window.toMillis());
      statement.setArray(2, connection.createArrayOf("text", keys.toArray()));
      statement.setArray(3, connection.createArrayOf("integer", keys.stream().map(hits::get).toArray()));
      Map<String, Shared> counts = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), new Shared(rows.getInt(2), Math.max(0, rows.getLong(3))));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("could not add rate-limited hits", e);
    }
  }

  /** Each limit's usage without counting a hit (a key with no open window has none). */
  public List<Usage> peek(Collection<Limit> limits) {
    Map<String, Limit> byKey = byKey(limits);
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(PEEK)) {
      statement.setArray(1, sortedKeys(connection, byKey));
      return usages(statement, byKey, Duration.ZERO);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read rate-limit windows", e);
    }
  }

  /** Ends the windows of these keys (a success forgives earlier failures). */
  public void clear(Collection<String> keys) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(CLEAR)) {
      statement.setArray(1, connection.createArrayOf("text", keys.stream().sorted().toArray()));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear rate-limit windows", e);
    }
  }

  /** Forgets windows that ended: keys of clients long gone would otherwise pile up. */
  public int purge() {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(PURGE)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not purge rate-limit windows", e);
    }
  }

  private static Map<String, Limit> byKey(Collection<Limit> limits) {
    return limits.stream().collect(Collectors.toMap(Limit::key, Function.identity(), (a, b) -> a.max() <= b.max() ? a : b));
  }

  private static Array sortedKeys(Connection connection, Map<String, Limit> byKey) throws SQLException {
    return connection.createArrayOf("text", byKey.keySet().stream().sorted(Comparator.naturalOrder()).toArray());
  }

  private static List<Usage> usages(PreparedStatement statement, Map<String, Limit> byKey, Duration window) throws SQLException {
    List<Usage> usages = new ArrayList<>(byKey.size());
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        usages.add(new Usage(byKey.get(rows.getString(1)), rows.getInt(2), Math.max(1, rows.getLong(3))));
      }
    }
    // A peeked key without an open window has no hits; its window would start with the next one.
    for (Limit limit : byKey.values()) {
      if (usages.stream().noneMatch(u -> u.limit().key().equals(limit.key()))) {
        usages.add(new Usage(limit, 0, Math.max(1, window.toSeconds())));
      }
    }
    return usages;
  }
}
