package io.convot.availability;

import io.convot.common.ClusterLock;
import io.convot.common.Timestamps;
import io.convot.tenancy.Tenancy;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which members have the dashboard open, shared by every server through PostgreSQL: a row per live
 * dashboard connection ({@link MemberPresence}), written when the connection registers, deleted when
 * it closes, and refreshed by this server's heartbeat every {@code convot.availability.heartbeat}
 * (20 s) while it lives. Rows that a dead server left behind stop counting after the presence timeout
 * and are pruned by one server of the cluster at a time. Every change tells the organization's open
 * widgets their app's availability.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Presence {

  private static final Logger LOG = Logger.getLogger(Presence.class.getName());
  private static final long LOCK = 0x70726573656eL; // "presen"

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;
  @Inject Tenancy tenancy;
  @Inject Availability availability;

  @Inject
  @ConfigProperty(name = "convot.availability.heartbeat", defaultValue = "PT20S")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "convot.availability.presence-timeout", defaultValue = "PT60S")
  Duration timeout;

  /** This server's live dashboard connections. */
  private final Set<UUID> local = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void start() {
    timers.createIntervalTimer(heartbeat.toMillis(), heartbeat.toMillis(), new TimerConfig("presence-heartbeat", false));
  }

  /**
   * A member opened the dashboard: returns the connection's presence id, for {@link #disconnected}.
   * The caller then tells the widgets ({@link #announce}), once this is committed.
   */
  public UUID connected(UUID organizationId, UUID memberId) {
    tenancy.enter(organizationId);
    UUID id = UUID.randomUUID();
    em.persist(new MemberPresence(id, memberId));
    local.add(id);
    return id;
  }

  /** The connection closed (or its token ended). */
  public void disconnected(UUID organizationId, UUID connectionId) {
    if (!local.remove(connectionId)) {
      return;
    }
    tenancy.enter(organizationId);
    MemberPresence row = em.find(MemberPresence.class, connectionId);
    if (row != null) {
      em.remove(row);
    }
  }

  /**
   * Tells the organization's open widgets their app's availability, on its own: with the broker away
   * the presence is kept all the same (a dashboard still connects), and widgets learn it when they next
   * read their configuration.
   */
  public void announce(UUID organizationId) {
    try {
      availability.announceAlone(organizationId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Open widgets could not be told their availability; they read it again within minutes", e);
    }
  }

  @Timeout
  void beat() {
    try {
      if (!local.isEmpty()) {
        em.createNativeQuery("SELECT convot_touch_presence(string_to_array(?1, ',')::uuid[], ?2)")
            .setParameter(1, local.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).getSingleResult();
      }
      if (ClusterLock.tryTake(em, LOCK)) {
        @SuppressWarnings("unchecked")
        List<Object> orphaned = em.createNativeQuery("SELECT convot_prune_presence(?1)")
            .setParameter(1, OffsetDateTime.ofInstant(Timestamps.now().minus(timeout), ZoneOffset.UTC)).getResultList();
        for (Object organization : orphaned) {
          announce(organization instanceof UUID id ? id : UUID.fromString(organization.toString()));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The presence heartbeat failed; it runs again in " + heartbeat, e);
    }
  }
}
