package io.convot.shopify;

import io.convot.common.BatchPrune;
import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
import java.time.Period;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes Shopify lifecycle events older than {@code convot.shopify.event-retention} (12 months),
 * every {@code convot.shopify.retention-interval} (a day), on one server at a time. Shops keep
 * what the events taught them; transactions stay (lifetime revenue is their sum). Running it again
 * deletes nothing more; each run reports what it deleted in the log.
 */
@Singleton
@Startup
public class LifecycleRetention {

  private static final Logger LOG = Logger.getLogger(LifecycleRetention.class.getName());
  private static final long LOCK = 0x726574656e74L; // "retent"

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "convot.shopify.event-retention", defaultValue = "P12M")
  Period retention;

  @Inject
  @ConfigProperty(name = "convot.shopify.retention-interval", defaultValue = "P1D")
  Duration every;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(Math.min(every.toMillis(), 60_000), every.toMillis(), new TimerConfig("shopify-retention", false));
  }

  @Timeout
  void prune() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    Instant before = Timestamps.now().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    long total = BatchPrune.deleteBefore(em, "convot_prune_shopify_events", before);
    LOG.info(() -> "Retention: deleted " + total + " Shopify lifecycle events that occurred before " + before);
  }
}
