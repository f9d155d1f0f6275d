package io.convot.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers through the application's own pool. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  @Resource(lookup = "jdbc/convot")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(connection.isValid(5)).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
