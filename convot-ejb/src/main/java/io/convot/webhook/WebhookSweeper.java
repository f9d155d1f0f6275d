package io.convot.webhook;

import io.convot.common.Ids;
import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The safety net under the queues: events the relay never saw and deliveries whose next attempt
 * is long overdue are queued again. Relay and attempts ignore what is already done, so a second
 * message costs nothing. It runs on one server of a cluster at a time (an advisory lock).
 */
@Singleton
public class WebhookSweeper {

  private static final long LOCK = 0x636f6e766f74L; // "convot"
  private static final Duration RELAY_GRACE = Duration.ofSeconds(30);
  private static final Duration ATTEMPT_GRACE = Duration.ofMinutes(10);
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject WebhookQueues queues;

  @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
  public void sweep() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    for (Object[] row : rows("SELECT event_id, organization_id, 0 FROM convot_unrelayed_events(?1, ?2)", RELAY_GRACE)) {
      queues.relay(Ids.uuid(row[1]), Ids.uuid(row[0]));
    }
    for (Object[] row : rows("SELECT delivery_id, organization_id, attempts FROM convot_overdue_deliveries(?1, ?2)", ATTEMPT_GRACE)) {
      queues.attempt(Ids.uuid(row[1]), Ids.uuid(row[0]), ((Number) row[2]).intValue() + 1, Duration.ZERO);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Duration grace) {
    return em.createNativeQuery(sql)
        .setParameter(1, java.time.OffsetDateTime.ofInstant(Timestamps.now().minus(grace), java.time.ZoneOffset.UTC))
        .setParameter(2, BATCH).getResultList();
  }

}
