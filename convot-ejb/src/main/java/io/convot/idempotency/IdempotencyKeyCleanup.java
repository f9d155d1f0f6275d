package io.convot.idempotency;

import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes expired idempotency keys every hour, on one server of a cluster at a time. It only keeps
 * the table small: a request already treats an expired key as absent, whether or not it is deleted.
 */
@Singleton
public class IdempotencyKeyCleanup {

  private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class.getName());
  private static final long LOCK = 0x6964656d706fL; // "idempo"
  private static final int BATCH = 10_000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "convot.idempotency.key-lifetime", defaultValue = "PT24H")
  Duration lifetime;

  @Schedule(hour = "*", minute = "17", persistent = false)
  public void deleteExpired() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    Instant before = Timestamps.now().minus(lifetime);
    long deleted = 0;
    int batch;
    do {
      batch = ((Number) em.createNativeQuery("SELECT convot_prune_idempotency_keys(?1, ?2)")
          .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setParameter(2, BATCH).getSingleResult()).intValue();
      deleted += batch;
    } while (batch == BATCH);
    long total = deleted;
    if (total > 0) {
      LOG.info(() -> "Deleted " + total + " idempotency keys created before " + before);
    }
  }
}
