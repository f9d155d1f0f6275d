package io.convot.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counters features move. Each outcome is a tag value, so that a scraper sees
 * {@code convot_webhook_attempts_total{outcome="succeeded"}} and its siblings.
 */
@ApplicationScoped
public class OperationalMetrics {

  static final Metadata WEBHOOK_ATTEMPTS = Metadata.builder().withName("convot.webhook.attempts")
      .withDescription("Webhook delivery attempts made, by outcome: succeeded (2xx), failed (another status), gone (410), no_response").build();
  static final Metadata SYNC_RUNS = Metadata.builder().withName("convot.shopify.sync.runs")
      .withDescription("Shopify Partner API sync runs ended, by outcome: succeeded, failed").build();
  static final Metadata IMPORTS = Metadata.builder().withName("convot.imports")
      .withDescription("Imports ended, by outcome: succeeded, failed").build();

  @Inject MetricRegistry registry;

  /** A webhook attempt's outcome: {@code succeeded}, {@code failed}, {@code gone} or {@code no_response}. */
  public void webhookAttempt(String outcome) {
    registry.counter(WEBHOOK_ATTEMPTS, new Tag("outcome", outcome)).inc();
  }

  /** A sync run's end: {@code succeeded} or {@code failed}. */
  public void syncRun(String outcome) {
    registry.counter(SYNC_RUNS, new Tag("outcome", outcome)).inc();
  }

  /**
   * An import's end ({@code succeeded}, {@code failed} or {@code cancelled}): the importer calls this once
   * per import it ends, so that {@code convot_imports_total} counts them by outcome.
   */
  public void importRun(String outcome) {
    registry.counter(IMPORTS, new Tag("outcome", outcome)).inc();
  }
}
