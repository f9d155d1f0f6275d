package io.convot.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the test server's database as its owner, to check what was (not) stored, and sets up what no API can. */
public final class Database {

  public static final String URL = System.getProperty("convot.test.db-url", "jdbc:postgresql://localhost:5432/convot_it");

  private Database() {}

  public static long count(String sql, Object... parameters) {
    return ((Number) single(sql, parameters)).longValue();
  }

  public static Object single(String sql, Object... parameters) {
    List<Object> rows = column(sql, parameters);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Runs an UPDATE (or other statement) and returns how many rows it changed. */
  public static int update(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  public static List<Object> column(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }
}
