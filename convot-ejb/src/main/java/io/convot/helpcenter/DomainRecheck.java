package io.convot.helpcenter;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verified custom domains are checked again every {@code convot.help-center.recheck-interval} (a
 * day), on one server of a cluster at a time (an advisory lock): a domain whose record went away
 * stops serving the help center and tells its team why.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DomainRecheck {

  private static final Logger LOG = Logger.getLogger(DomainRecheck.class.getName());
  private static final long LOCK = 0x68656c70646e73L; // "helpdns"
  private static final int BATCH = 100;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject DomainRechecker rechecker;

  @Inject
  @ConfigProperty(name = "convot.help-center.recheck-interval", defaultValue = "P1D")
  Duration every;

  @PostConstruct
  void start() {
    long tick = Math.max(1000, Math.min(every.toMillis() / 4, 3_600_000));
    timers.createIntervalTimer(tick, tick, new TimerConfig("help-domain-recheck", false));
  }

  @Timeout
  void recheckDue() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> due = em.createNativeQuery("SELECT app_id, organization_id FROM convot_help_domains_due(?1, ?2)")
        .setParameter(1, OffsetDateTime.ofInstant(Timestamps.now().minus(every), ZoneOffset.UTC)).setParameter(2, BATCH)
        .getResultList();
    for (Object[] row : due) {
      try {
        rechecker.recheck(Ids.uuid(row[1]), Ids.uuid(row[0]));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not recheck the help-center domain of app " + row[0], e);
      }
    }
  }
}
