package io.convot.imports;

import io.convot.common.ClusterLock;
import io.convot.common.Ids;
import io.convot.common.Timestamps;
import io.convot.health.SendAlone;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The net under the import steps, on one server of a cluster at a time (an advisory lock): an
 * import that has not moved for {@code convot.imports.stalled-after} (its pause over by as long)
 * gets its awaited step sent again under the step's own duplicate id. A step message is lost when a
 * server dies after the database committed the transaction that queued it and before the broker
 * did (the database is the last participant); the broker drops every resent step whose original it
 * still has, and a step that is not the import's awaited one does nothing, so a resend costs nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ImportSweeper {

  private static final Logger LOG = Logger.getLogger(ImportSweeper.class.getName());
  private static final long LOCK = 0x696d706f727473L; // "imports"
  private static final int BATCH = 100;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;
  @Resource SessionContext context;

  @Inject SendAlone alone;
  @Inject ImportQueue queue;

  @Inject
  @ConfigProperty(name = "convot.imports.stalled-after", defaultValue = "PT3M")
  Duration stalledAfter;

  @PostConstruct
  void start() {
    long tick = Math.max(1000, Math.min(stalledAfter.toMillis() / 4, 60_000));
    timers.createIntervalTimer(tick, tick, new TimerConfig("import-recovery", false));
  }

  /** Claims the stalled imports (their {@code updated_at} moves to now, so each is sent again once per period) and sends their steps. */
  @Timeout
  void sendStalledStepsAgain() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> stalled = em.createNativeQuery("SELECT import_id, organization_id, step, resumes_at FROM convot_stalled_imports(?1, ?2)")
        .setParameter(1, OffsetDateTime.ofInstant(Timestamps.now().minus(stalledAfter), ZoneOffset.UTC)).setParameter(2, BATCH)
        .getResultList();
    for (Object[] row : stalled) {
      Duration delay = Timestamps.delayUntil(Timestamps.of(row[3]));
      if (!alone.send(() -> queue.queue(Ids.uuid(row[1]), Ids.uuid(row[0]), ((Number) row[2]).intValue(), delay))) {
        LOG.warning("Import recovery: the message broker is unreachable; stalled imports are tried again on a later pass");
        context.setRollbackOnly();
        return;
      }
      LOG.info(() -> "Import " + row[0] + " has not moved for " + stalledAfter + ": its step " + row[2]
          + " is sent again (the broker drops it if it has it)");
    }
  }
}
