package io.convot.webhook;

import io.convot.common.BatchPrune;
import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the delivery log for {@code convot.webhooks.retention} (30 days): every
 * {@code convot.webhooks.retention-interval} (a day), on one server at a time, deletes the
 * deliveries created before then (their attempts with them), then the relayed outbox events
 * created before then that no delivery refers to any more, and the server runs silent since
 * before then. Unrelayed events stay, for the sweeper. Each run reports what it deleted in the log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class WebhookRetention {

  private static final Logger LOG = Logger.getLogger(WebhookRetention.class.getName());
  private static final long LOCK = 0x7768726574L; // "whret"

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "convot.webhooks.retention", defaultValue = "P30D")
  Period retention;

  @Inject
  @ConfigProperty(name = "convot.webhooks.retention-interval", defaultValue = "P1D")
  Duration every;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(Math.min(every.toMillis(), 60_000), every.toMillis(), new TimerConfig("webhook-retention", false));
  }

  @Timeout
  void prune() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    Instant before = Timestamps.now().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    long deliveries = BatchPrune.deleteBefore(em, "convot_prune_webhook_deliveries", before);
    long events = BatchPrune.deleteBefore(em, "convot_prune_relayed_events", before);
    // A run that went silent that long ago has nothing left for the sweeper to recover.
    int runs = em.createNativeQuery("DELETE FROM server_runs WHERE alive_at < ?1")
        .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate();
    LOG.info(() -> "Retention: deleted " + deliveries + " webhook deliveries (with their attempts) and " + events
        + " relayed outbox events created before " + before + ", and " + runs + " server runs silent since before then");
  }
}
