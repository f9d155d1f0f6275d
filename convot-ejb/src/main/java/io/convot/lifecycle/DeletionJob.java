package io.convot.lifecycle;

import io.convot.common.ClusterLock;
import io.convot.common.Ids;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what waited out its grace period: cancelled organizations at their {@code purge_after},
 * then deleted apps at theirs, and expires exports older than their 7 days. It runs every
 * {@code convot.lifecycle.deletion-interval} on one server of the cluster at a time (an advisory
 * lock, held by this run's transaction, which itself holds no row), works for at most
 * {@link #BUDGET} per run and goes on at the next run, and is safe to run again after a crash at
 * any point: each step is its own transaction (see {@link DeletionBatches}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DeletionJob {

  private static final Logger LOG = Logger.getLogger(DeletionJob.class.getName());
  private static final long LOCK = 0x64656c657465L; // "delete"
  static final Duration BUDGET = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;
  @Inject DeletionBatches batches;
  @Inject ExportStore exports;

  @Inject
  @ConfigProperty(name = "convot.lifecycle.deletion-interval", defaultValue = "PT10M")
  Duration every;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(Math.min(every.toMillis(), 60_000), every.toMillis(), new TimerConfig("data-lifecycle", false));
  }

  @Timeout
  void run() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    Instant deadline = Timestamps.now().plus(BUDGET);
    try {
      for (UUID organization : due("SELECT organization_id FROM convot_organizations_due_for_deletion(?1, 20)")) {
        if (!delete(Deletion.ofOrganization(organization), deadline)) {
          return;
        }
      }
      for (Object[] app : rows("SELECT app_id, organization_id FROM convot_apps_due_for_deletion(?1, 50)")) {
        if (!delete(Deletion.ofApp(Ids.uuid(app[1]), Ids.uuid(app[0])), deadline)) {
          return;
        }
      }
      for (Object[] export : rows("SELECT export_id, organization_id FROM convot_expired_exports(?1, 100)")) {
        exports.expire(Ids.uuid(export[1]), Ids.uuid(export[0]));
      }
    } catch (RuntimeException e) {
      // A killed connection, a lock held too long, the database away: the next run goes on from here.
      LOG.log(Level.WARNING, "Data lifecycle run stopped; the next run goes on where it stopped: " + e.getMessage());
    }
  }

  /** Whether the deletion finished (or had nothing to do) within the run's budget. */
  private boolean delete(Deletion deletion, Instant deadline) {
    UUID log = batches.begin(deletion);
    if (log == null) {
      return true;
    }
    for (TenantTables.Table table : batches.tables().inDeletionOrder()) {
      if (deletion.isApp() && !table.hasAppId()) {
        continue;
      }
      while (batches.deleteBatch(deletion, log, table) == DeletionBatches.BATCH) {
        if (Timestamps.now().isAfter(deadline)) {
          return false;
        }
      }
    }
    if (batches.finish(deletion, log)) {
      LOG.info(() -> "Deleted " + deletion.subject() + " " + deletion.subjectId() + " (deletion_log " + log + ")");
    }
    return !Timestamps.now().isAfter(deadline);
  }

  private List<UUID> due(String sql) {
    List<UUID> ids = new ArrayList<>();
    for (Object id : em.createNativeQuery(sql).setParameter(1, utcNow()).getResultList()) {
      ids.add(Ids.uuid(id));
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).setParameter(1, utcNow()).getResultList();
  }

  private static OffsetDateTime utcNow() {
    return OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
  }
}
