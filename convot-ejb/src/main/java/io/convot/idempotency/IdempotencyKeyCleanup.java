package io.convot.idempotency;

import io.convot.common.BatchPrune;
import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
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
    long total = BatchPrune.deleteBefore(em, "convot_prune_idempotency_keys", before);
    if (total > 0) {
      LOG.info(() -> "Deleted " + total + " idempotency keys created before " + before);
    }
  }
}
