package io.convot.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database itself guards the tenant boundary when the application's filter is bypassed: acting
 * as the application's role, a transaction sees and writes only its own organization's rows.
 */
class RowLevelSecurityIT {

  private static final String APP_ROLE = "convot_app";

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs in one transaction as the application role, inside {@code organizationId} (none if null); rolls back. */
  private static <T> T asApplication(String organizationId, Work<T> work) throws SQLException {
    try (Connection connection = Database.connect(Database.URL)) {
      connection.setAutoCommit(false);
      try {
        try (var statement = connection.createStatement()) {
          statement.execute("SET LOCAL ROLE " + APP_ROLE);
        }
        if (organizationId != null) {
          try (PreparedStatement tenant = connection.prepareStatement("SELECT set_config('convot.organization_id', ?, true)")) {
            tenant.setString(1, organizationId);
            tenant.executeQuery().close();
          }
        }
        return work.run(connection);
      } finally {
        connection.rollback();
      }
    }
  }

  private static int countApp(Connection connection, String appId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM apps WHERE id = ?")) {
      query.setObject(1, UUID.fromString(appId));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** How many rows with the app's id a transaction in {@code organizationId} sees. */
  private static int visibleRows(String organizationId, String appId) throws SQLException {
    return asApplication(organizationId, connection -> countApp(connection, appId));
  }

  private record Setup(Owner first, Owner second, String appId) {}

  private static Setup appInFirstOrganization() {
    Owner first = Organizations.signUp("RLS first");
    Owner second = Organizations.signUp("RLS second");
    String appId = Organizations.createApp(first.api(), "Guarded").getString("id");
    return new Setup(first, second, appId);
  }

  @Test
  void ownOrganizationSeesItsApp() throws SQLException {
    Setup setup = appInFirstOrganization();

    assertEquals(1, visibleRows(setup.first().organizationId(), setup.appId()));
  }

  @Test
  void otherOrganizationCannotSeeTheApp() throws SQLException {
    Setup setup = appInFirstOrganization();

    assertEquals(0, visibleRows(setup.second().organizationId(), setup.appId()));
  }

  @Test
  void transactionWithoutOrganizationSeesNoRows() throws SQLException {
    Setup setup = appInFirstOrganization();

    assertEquals(0, visibleRows(null, setup.appId()));
  }

  @Test
  void otherOrganizationUpdatesNothing() throws SQLException {
    Setup setup = appInFirstOrganization();

    Integer updated = asApplication(setup.second().organizationId(), connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE apps SET name = 'Hijacked' WHERE id = ?")) {
        update.setObject(1, UUID.fromString(setup.appId()));
        return update.executeUpdate();
      }
    });

    assertEquals(0, updated.intValue());
  }

  @Test
  void otherOrganizationCannotInsertRowsIntoTheFirstOrganization() {
    Setup setup = appInFirstOrganization();

    SQLException refused = assertThrows(SQLException.class, () -> asApplication(setup.second().organizationId(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO apps (id, organization_id, name, app_key, identity_secret, created_at, updated_at)
          VALUES (?, ?, 'Planted', ?, 'secret', ?, ?)""")) {
        Timestamp now = Timestamp.from(Instant.now());
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, UUID.fromString(setup.first().organizationId()));
        insert.setString(3, "app_planted_" + UUID.randomUUID());
        insert.setTimestamp(4, now);
        insert.setTimestamp(5, now);
        return insert.executeUpdate();
      }
    }));

    assertEquals("42501", refused.getSQLState(), () -> "expected a row-level security violation: " + refused.getMessage());
  }
}
