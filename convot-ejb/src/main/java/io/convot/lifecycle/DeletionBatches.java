package io.convot.lifecycle;

import io.convot.common.Timestamps;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The deletion job's steps, each its own short transaction inside the organization being deleted.
 * The job acts as the application role like everything else, under row-level security: it enters
 * the organization it deletes, so no statement of it can reach another organization's rows. Each
 * batch deletes at most {@link #BATCH} rows of one table and adds its count to the deletion's log
 * in the same transaction, so the log is exact whatever step a crash interrupts, and a rerun goes
 * on from there. A batch waits at most {@code lock_timeout} (5 s) for a row lock held elsewhere,
 * then fails and is tried again at the next run. Every step first checks, locking the row, that
 * the organization (or app) is still due: a deletion never runs past a reactivation or a restore.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeletionBatches {

  static final int BATCH = 1000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;

  public TenantTables tables() {
    return TenantTables.read(em);
  }

  /** Opens (or, on a rerun, reopens) the deletion's log entry; null when the subject is not due (any more). */
  public UUID begin(Deletion deletion) {
    tenancy.enter(deletion.organizationId());
    List<?> due = stillDue(deletion);
    if (due.isEmpty()) {
      return null;
    }
    Object[] times = (Object[]) due.get(0);
    Object id = em.createNativeQuery("""
        INSERT INTO deletion_log (id, subject, subject_id, of_organization, requested_at, due_at, started_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT (subject, subject_id) DO UPDATE SET runs = deletion_log.runs + 1
        RETURNING id""")
        .setParameter(1, UUID.randomUUID().toString()).setParameter(2, deletion.subject())
        .setParameter(3, deletion.subjectId().toString()).setParameter(4, deletion.organizationId().toString())
        .setParameter(5, times[0]).setParameter(6, times[1]).setParameter(7, utcNow())
        .getSingleResult();
    return UUID.fromString(id.toString());
  }

  /** Deletes one batch of the subject's rows from {@code table}; how many. */
  public int deleteBatch(Deletion deletion, UUID logId, TenantTables.Table table) {
    tenancy.enter(deletion.organizationId());
    em.createNativeQuery("SELECT set_config('lock_timeout', '5s', true)").getSingleResult();
    if (stillDue(deletion).isEmpty()) {
      return 0;
    }
    String name = TenantTables.quoted(table.name());
    String rows = deletion.isApp()
        ? "SELECT ctid FROM " + name + " WHERE organization_id = ?1 AND app_id = ?3 LIMIT ?2"
        : "SELECT ctid FROM " + name + " WHERE organization_id = ?1 LIMIT ?2";
    var delete = em.createNativeQuery("DELETE FROM " + name + " WHERE ctid = ANY (ARRAY(" + rows + "))")
        .setParameter(1, deletion.organizationId().toString()).setParameter(2, BATCH);
    if (deletion.isApp()) {
      delete.setParameter(3, deletion.appId().toString());
    }
    int deleted = delete.executeUpdate();
    count(logId, table.name(), deleted);
    return deleted;
  }

  /** Deletes the organization's (or app's) own row, whatever still hangs off it by cascade, and closes the log. */
  public boolean finish(Deletion deletion, UUID logId) {
    tenancy.enter(deletion.organizationId());
    em.createNativeQuery("SELECT set_config('lock_timeout', '5s', true)").getSingleResult();
    if (stillDue(deletion).isEmpty()) {
      return false;
    }
    int deleted = em.createNativeQuery(deletion.isApp() ? "DELETE FROM apps WHERE id = ?1" : "DELETE FROM organizations WHERE id = ?1")
        .setParameter(1, deletion.subjectId().toString()).executeUpdate();
    count(logId, deletion.isApp() ? "apps" : "organizations", deleted);
    em.createNativeQuery("UPDATE deletion_log SET finished_at = ?2 WHERE id = ?1")
        .setParameter(1, logId.toString()).setParameter(2, utcNow()).executeUpdate();
    return true;
  }

  private void count(UUID logId, String table, int deleted) {
    if (deleted == 0) {
      return;
    }
    em.createNativeQuery("""
        INSERT INTO deletion_log_tables (deletion_id, table_name, deleted_rows) VALUES (?1, ?2, ?3)
        ON CONFLICT (deletion_id, table_name) DO UPDATE SET deleted_rows = deletion_log_tables.deleted_rows + EXCLUDED.deleted_rows""")
        .setParameter(1, logId.toString()).setParameter(2, table).setParameter(3, (long) deleted).executeUpdate();
  }

  // The subject's row, locked against a concurrent reactivation or restore, if its grace period is over.
  private List<?> stillDue(Deletion deletion) {
    String sql = deletion.isApp()
        ? "SELECT deleted_at, purge_after FROM apps WHERE id = ?1 AND purge_after <= ?2 FOR SHARE"
        : "SELECT cancelled_at, purge_after FROM organizations WHERE id = ?1 AND purge_after <= ?2 FOR SHARE";
    return em.createNativeQuery(sql).setParameter(1, deletion.subjectId().toString()).setParameter(2, utcNow()).getResultList();
  }

  private static OffsetDateTime utcNow() {
    return OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
  }
}
