package io.convot.webhook;

import io.convot.common.ClusterLock;
import io.convot.common.Ids;
import io.convot.common.Timestamps;
import io.convot.health.SendAlone;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The safety net under the queues, on one server of a cluster at a time (an advisory lock).
 *
 * <p>Every {@value #RECOVERY_SECONDS} s, from a second after start: attempt messages that a server
 * run which is over (crashed, or started again) queued in its last {@link #LOOKBACK} are sent
 * again under their own ids. A crash between the database's commit and the broker's (the database
 * is the last participant) leaves committed deliveries whose message never arrived; the broker
 * drops every resent message whose original it has, and keeps the lost ones. Events still
 * unrelayed after {@link #RELAY_GRACE} are relayed.
 *
 * <p>Every minute: deliveries whose next attempt is {@link #ATTEMPT_GRACE} overdue, whoever queued
 * them, get a new message (a message lost some other way, or dead-lettered).
 *
 * <p>Relay and attempts ignore what is already done, so a second message costs nothing.
 */
@Singleton
@Startup
@DependsOn("ServerRun")
public class WebhookSweeper {

  private static final Logger LOG = Logger.getLogger(WebhookSweeper.class.getName());
  private static final long LOCK = 0x636f6e766f74L; // "convot"
  static final int RECOVERY_SECONDS = 5;
  /**
   * How far back from its last heartbeat a finished run's messages are sent again: longer than a
   * transaction may live (two minutes, server.xml), so every transaction that could still have been
   * committing when the run ended is covered.
   */
  static final Duration LOOKBACK = Duration.ofMinutes(3);
  private static final Duration RELAY_GRACE = Duration.ofSeconds(10);
  private static final Duration ATTEMPT_GRACE = Duration.ofMinutes(10);
  /** Rows per query; for the recovery, messages (each sent again with every delivery it carried). */
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Resource TimerService timers;

  @Inject WebhookQueues queues;
  @Inject SendAlone alone;
  @Inject ServerRun run;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(1000, RECOVERY_SECONDS * 1000L, new TimerConfig("webhook-recovery", false));
  }

  /** What a finished run may have left half-queued, and unrelayed events. */
  @Timeout
  public void recover() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    for (Object[] row : rows("SELECT event_id, organization_id FROM convot_unrelayed_events(?1, ?2)",
        at(Timestamps.now().minus(RELAY_GRACE)), BATCH)) {
      queues.relay(Ids.uuid(row[1]), Ids.uuid(row[0]));
    }
    List<Object[]> orphaned = rows("SELECT delivery_id, organization_id, attempts, next_attempt_at, queued_message, queued_by"
        + " FROM convot_orphaned_deliveries(CAST(?1 AS interval), CAST(?2 AS interval), ?3)",
        ServerRun.LEASE.toSeconds() + " seconds", LOOKBACK.toSeconds() + " seconds", BATCH);
    if (orphaned.isEmpty()) {
      return;
    }
    Map<UUID, Resend> messages = new LinkedHashMap<>();
    for (Object[] row : orphaned) {
      messages.computeIfAbsent(Ids.uuid(row[4]), message -> new Resend(message, Ids.uuid(row[1]), Ids.uuid(row[5]),
          ((Number) row[2]).intValue() + 1, Timestamps.of(row[3]), new ArrayList<>())).deliveries().add(Ids.uuid(row[0]));
    }
    int sent = 0;
    int adopted = 0;
    for (Resend resend : messages.values()) {
      if (!alone.send(() -> queues.sendAgain(resend.message(), resend.organizationId(), resend.deliveries(), resend.attempt(),
          Timestamps.delayUntil(resend.due())))) {
        LOG.warning("Webhook recovery: the broker is unreachable; the rest is sent again on a later pass");
        break;
      }
      sent++;
      adopted += ((Number) em.createNativeQuery("SELECT convot_adopt_deliveries(?1, ?2, ?3)")
          .setParameter(1, resend.message()).setParameter(2, resend.queuedBy()).setParameter(3, run.id()).getSingleResult()).intValue();
    }
    int messagesSent = sent;
    int deliveries = adopted;
    LOG.info(() -> "Webhook recovery: sent " + messagesSent + " attempt messages of " + deliveries
        + " pending deliveries again, queued by server runs that are over (the broker drops those it still has)");
  }

  /** Deliveries whose next attempt is long overdue, whoever queued them: a new message each. */
  @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
  public void sweep() {
    if (!ClusterLock.tryTake(em, LOCK)) {
      return;
    }
    for (Object[] row : rows("SELECT delivery_id, organization_id, attempts, queued_message FROM convot_requeue_overdue_deliveries(?1, ?2, ?3)",
        at(Timestamps.now().minus(ATTEMPT_GRACE)), run.id(), BATCH)) {
      queues.requeue(Ids.uuid(row[3]), Ids.uuid(row[1]), Ids.uuid(row[0]), ((Number) row[2]).intValue() + 1);
    }
  }

  /** One attempt message to send again: its id, and the deliveries it carried. */
  private record Resend(UUID message, UUID organizationId, UUID queuedBy, int attempt, Instant due, List<UUID> deliveries) {}

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... parameters) {
    jakarta.persistence.Query query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
