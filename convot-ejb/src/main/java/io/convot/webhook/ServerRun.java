package io.convot.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's run: from its start to its end, however it ends. Every attempt message a run
 * queues is recorded on its deliveries, so that once the run is over another can tell which of
 * them a crash may have cut off. A run is over when the same server starts again, or when its
 * heartbeat (every {@value #HEARTBEAT_SECONDS} s) has been silent for {@link #LEASE}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerRun {

  private static final Logger LOG = Logger.getLogger(ServerRun.class.getName());
  static final int HEARTBEAT_SECONDS = 5;
  /** How long a silent run still counts as live: a few missed heartbeats, a long pause. */
  static final Duration LEASE = Duration.ofSeconds(20);

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "CONVOT_DATA_DIR", defaultValue = "")
  String dataDirectory;

  private final UUID id = UUID.randomUUID();

  @PostConstruct
  void begin() {
    String server = serverName();
    // The same server's earlier runs are over: whatever they left half-queued is this run's to recover.
    int ended = em.createNativeQuery("UPDATE server_runs SET ended_at = now() WHERE server = ?1 AND ended_at IS NULL")
        .setParameter(1, server).executeUpdate();
    em.createNativeQuery("INSERT INTO server_runs (id, server) VALUES (?1, ?2)")
        .setParameter(1, id).setParameter(2, server).executeUpdate();
    timers.createIntervalTimer(HEARTBEAT_SECONDS * 1000L, HEARTBEAT_SECONDS * 1000L, new TimerConfig("server-run-heartbeat", false));
    LOG.info(() -> "Server run " + id + " of " + server + " began" + (ended > 0 ? "; its previous run is over" : ""));
  }

  @Timeout
  void heartbeat() {
    em.createNativeQuery("UPDATE server_runs SET alive_at = now() WHERE id = ?1").setParameter(1, id).executeUpdate();
  }

  /** Read on every send: no lock, no transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UUID id() {
    return id;
  }

  /** Which server this is, the same from one start to the next: its host and its data directory. */
  private String serverName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + dataDirectory;
  }
}
