package io.convot.auth;

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
import java.time.Period;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Expired integration tokens stay listed, marked {@code expired}, so that an organization sees why
 * an integration stopped; {@code convot.auth.expired-token-retention} (30 days) after their expiry
 * they are deleted, every {@code convot.auth.token-retention-interval} (a day), on one server at a
 * time. So are the ids of signed-out tokens that long expired: an expired token is refused by its
 * signature's {@code exp} whether or not its id is still on the sign-out list.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ExpiredTokenRetention {

  private static final Logger LOG = Logger.getLogger(ExpiredTokenRetention.class.getName());
  private static final long LOCK = 0x746f6b726574L; // "tokret"

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "convot.auth.expired-token-retention", defaultValue = "P30D")
  Period retention;

  @Inject
  @ConfigProperty(name = "convot.auth.token-retention-interval", defaultValue = "P1D")
  Duration every;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(Math.min(every.toMillis(), 60_000), every.toMillis(), new TimerConfig("token-retention", false));
  }

  @Timeout
  void prune() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    Instant before = Timestamps.now().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    long tokens = BatchPrune.deleteBefore(em, "convot_prune_integration_tokens", before);
    long revoked = BatchPrune.deleteBefore(em, "convot_prune_revoked_tokens", before);
    if (tokens + revoked > 0) {
      LOG.info(() -> "Retention: deleted " + tokens + " integration tokens and " + revoked
          + " signed-out token ids that expired before " + before);
    }
  }
}
