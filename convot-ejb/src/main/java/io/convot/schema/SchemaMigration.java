package io.convot.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * On start: creates the database when it is missing, then applies the versioned migrations in
 * {@code db/migration} as the schema owner. The application itself never connects as the owner.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject DatabaseSettings database;

  private volatile String appliedVersion;

  @PostConstruct
  void migrate() {
    createDatabaseIfMissing();
    Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(database.url(), database.user(), database.password())
        .locations("classpath:db/migration")
        // On Liberty the class loader finds a location only through a marker file in it.
        .callbackLocations("classpath:db/callback")
        .placeholders(Map.of("app_role", database.appRole()))
        .connectRetries(10)
        .load();
    MigrateResult result = flyway.migrate();
    appliedVersion = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    LOG.info(() -> "Database schema at version " + appliedVersion + " (" + result.migrationsExecuted + " migrations applied now)");
  }

  public boolean isComplete() {
    return appliedVersion != null;
  }

  public String appliedVersion() {
    return appliedVersion;
  }

  private void createDatabaseIfMissing() {
    String name = database.databaseName();
    try (Connection connection = DriverManager.getConnection(database.maintenanceUrl(), database.user(), database.password())) {
      if (!exists(connection, name)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        }
        LOG.info(() -> "Created the database " + name);
      }
    } catch (SQLException e) {
      // Not fatal: the owner may lack CREATEDB, or the database may exist already; Flyway says which.
      LOG.warning(() -> "Could not check or create the database " + name + ": " + e.getMessage());
    }
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
