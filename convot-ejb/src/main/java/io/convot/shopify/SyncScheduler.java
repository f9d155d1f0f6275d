package io.convot.shopify;

import io.convot.common.Ids;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues a sync run for every active integration whose interval ({@code convot.shopify.sync-interval})
 * has passed. It looks a few times per interval, on one server of a cluster at a time (an advisory
 * lock); each integration is then scheduled under its own row lock, so no run is queued twice.
 */
@Singleton
@Startup
public class SyncScheduler {

  private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());
  private static final long LOCK = 0x73686f70696679L; // "shopify"
  private static final int BATCH = 200;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject SyncRuns runs;

  @Inject SyncInterval interval;

  @PostConstruct
  void start() {
    long tick = Math.max(250, Math.min(60_000, interval.get().toMillis() / 4));
    timers.createIntervalTimer(tick, tick, new TimerConfig("shopify-sync-scheduler", false));
  }

  @Timeout
  void scheduleDueRuns() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> due = em.createNativeQuery("SELECT organization_id FROM convot_shopify_due_integrations(?1, ?2)")
        .setParameter(1, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC)).setParameter(2, BATCH).getResultList();
    for (Object organizationId : due) {
      try {
        runs.scheduleIfDue(Ids.uuid(organizationId));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not schedule the Shopify sync of organization " + organizationId, e);
      }
    }
  }
}
