package io.convot.health;

import io.convot.schema.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** Started and ready once the schema migrations have run. */
@Startup
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

  @Inject SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("migrations")
        .status(migration.isComplete())
        .withData("version", String.valueOf(migration.appliedVersion()))
        .build();
  }
}
