package io.convot.web.metrics;

import io.convot.metrics.MetricsToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closes Open Liberty's {@code /metrics} (MicroProfile Metrics, served without Liberty's own administrator
 * login, which would need HTTPS and a user registry) behind {@code convot.metrics.token}: a Jakarta
 * Authentication provider registered for that endpoint's context only ({@code default_host /metrics}), so
 * the application's own requests never meet it. Without a token every scrape is refused.
 */
@ApplicationScoped
public class MetricsTokenGuard {

  static final String LAYER = "HttpServlet";
  static final String METRICS_CONTEXT = "default_host /metrics";
  private static final Logger LOG = Logger.getLogger(MetricsTokenGuard.class.getName());

  @Inject
  @ConfigProperty(name = "convot.metrics.token")
  Optional<String> token;

  void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    MetricsToken expected = new MetricsToken(token.orElse(""));
    AuthConfigFactory.getFactory().registerConfigProvider(new MetricsAuthProvider(expected), LAYER, METRICS_CONTEXT,
        "Convot: /metrics needs Authorization: Bearer <convot.metrics.token>");
    LOG.info(!expected.isSet() ? "Metrics: /metrics is closed (convot.metrics.token is not set)"
        : "Metrics: /metrics answers scrapers that send the metrics token");
  }
}
