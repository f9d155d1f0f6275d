package io.convot.webhook;

import io.convot.common.Timestamps;
import io.convot.event.Event;
import io.convot.metrics.OperationalMetrics;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The two short transactions around a batch of attempts' POSTs (which hold no database
 * connection): one prepares the signed requests of the deliveries still due, one records every
 * outcome and queues each failed delivery's next attempt, per the retry schedule, or ends it.
 */
@Stateless
public class DeliveryAttempts {

  private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class.getName());
  static final String USER_AGENT = "Convot-Webhooks/1.0";

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject WebhookQueues queues;
  @Inject WebhookSettings settings;
  @Inject jakarta.enterprise.event.Event<EndpointDisabled> disabled;
  @Inject OperationalMetrics metrics;

  /**
   * The requests of attempt {@code number} of these deliveries, leaving out the ones made already
   * (a redelivered or duplicated message) or deleted with their endpoint.
   */
  public List<PreparedAttempt> prepare(UUID organizationId, List<UUID> deliveryIds, int number) {
    tenancy.enter(organizationId);
    List<Object[]> due = new ArrayList<>();
    // Read only: preparing changes nothing, except to give up on a delivery whose endpoint was disabled.
    for (Object[] row : deliveriesWithEndpoints(deliveryIds, true)) {
      WebhookDelivery delivery = (WebhookDelivery) row[0];
      WebhookEndpoint endpoint = (WebhookEndpoint) row[1];
      if (!delivery.isDue(number)) {
        continue;
      }
      if (endpoint.active()) {
        due.add(row);
      } else {
        em.find(WebhookDelivery.class, delivery.id()).giveUp();
      }
    }
    // A batch is usually one event's deliveries: its payload is read once, not once per endpoint.
    Map<UUID, Event> events = events(due.stream().map(row -> ((WebhookDelivery) row[0]).eventId()).distinct().toList());
    due = withoutStopped(due, events);
    Map<UUID, String> bodies = new HashMap<>();
    long timestamp = Timestamps.now().getEpochSecond();
    List<PreparedAttempt> prepared = new ArrayList<>(due.size());
    for (Object[] row : due) {
      WebhookDelivery delivery = (WebhookDelivery) row[0];
      WebhookEndpoint endpoint = (WebhookEndpoint) row[1];
      Event event = events.get(delivery.eventId());
      String body = bodies.computeIfAbsent(event.id(), id -> WebhookBody.of(event.payload()));
      prepared.add(new PreparedAttempt(delivery.id(), endpoint.url(), headers(endpoint, event, number, timestamp, body), body));
    }
    return prepared;
  }

  /**
   * Webhooks stop while the organization is cancelled, and for the events of an app that is deleted:
   * their due deliveries are given up (failed, so that {@code replay} can send them again after a
   * reactivation or a restore) instead of sent.
   */
  private List<Object[]> withoutStopped(List<Object[]> due, Map<UUID, Event> events) {
    if (due.isEmpty()) {
      return due;
    }
    boolean cancelled = !em.createNativeQuery("SELECT 1 FROM organizations WHERE id = convot_current_organization()"
        + " AND cancelled_at IS NOT NULL").getResultList().isEmpty();
    java.util.Set<UUID> deletedApps = new java.util.HashSet<>();
    if (!cancelled) {
      em.createNativeQuery("SELECT id FROM apps WHERE deleted_at IS NOT NULL").getResultList()
          .forEach(id -> deletedApps.add(io.convot.common.Ids.uuid(id)));
    }
    List<Object[]> sending = new ArrayList<>(due.size());
    for (Object[] row : due) {
      WebhookDelivery delivery = (WebhookDelivery) row[0];
      Event event = events.get(delivery.eventId());
      if (cancelled || (event != null && event.appId() != null && deletedApps.contains(event.appId()))) {
        em.find(WebhookDelivery.class, delivery.id()).giveUp();
      } else {
        sending.add(row);
      }
    }
    return sending;
  }

  /** Records the outcome of attempt {@code number} of each delivery, in one transaction. */
  public void record(UUID organizationId, int number, List<AttemptOutcome> outcomes) {
    tenancy.enter(organizationId);
    Map<UUID, Object[]> rows = new HashMap<>();
    for (Object[] row : deliveriesWithEndpoints(outcomes.stream().map(AttemptOutcome::deliveryId).toList(), false)) {
      rows.put(((WebhookDelivery) row[0]).id(), row);
    }
    for (AttemptOutcome outcome : outcomes) {
      Object[] row = rows.get(outcome.deliveryId());
      if (row != null && ((WebhookDelivery) row[0]).isDue(number)) {
        record(organizationId, (WebhookDelivery) row[0], (WebhookEndpoint) row[1], number, outcome);
      }
    }
  }

  private void record(UUID organizationId, WebhookDelivery delivery, WebhookEndpoint endpoint, int number, AttemptOutcome outcome) {
    AttemptResult result = outcome.result();
    em.persist(new WebhookAttempt(delivery, number, outcome.attemptedAt(), result));
    metrics.webhookAttempt(result.succeeded() ? "succeeded" : result.gone() ? "gone" : result.statusCode() == 0 ? "no_response" : "failed");
    if (result.succeeded()) {
      delivery.attempted(result.statusCode(), true, null);
      endpoint.succeeded();
      return;
    }
    if (result.gone()) {
      endpoint.disable("The endpoint answered 410 Gone");
      disabled.fire(EndpointDisabled.of(organizationId, endpoint));
      delivery.attempted(result.statusCode(), false, null);
      return;
    }
    Optional<Duration> delay = settings.schedule().delayBefore(number + 1, ThreadLocalRandom.current())
        .map(scheduled -> result.retryAfter().map(asked -> settings.schedule().honouringRetryAfter(scheduled, asked)).orElse(scheduled));
    delivery.attempted(result.statusCode(), false, delay.map(Timestamps.now()::plus).orElse(null));
    delay.ifPresent(wait -> queues.attempt(organizationId, delivery, number + 1, wait));
    if (endpoint.failed(settings.disableAfter())) {
      disabled.fire(EndpointDisabled.of(organizationId, endpoint));
      LOG.warning(() -> "Webhook endpoint " + endpoint.id() + " of organization " + organizationId
          + " disabled: every delivery failed for " + settings.disableAfter().toDays() + " days");
    }
  }

  /** One round trip for the deliveries and their endpoints: rows of {@code [delivery, endpoint]}. */
  private List<Object[]> deliveriesWithEndpoints(List<UUID> deliveryIds, boolean readOnly) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT d, e FROM WebhookDelivery d, WebhookEndpoint e"
            + " WHERE d.id IN :ids AND e.id = d.endpointId", Object[].class)
        .setParameter("ids", deliveryIds)
        .setHint(QueryHints.READ_ONLY, readOnly ? HintValues.TRUE : HintValues.FALSE)
        .getResultList();
  }

  private Map<UUID, Event> events(List<UUID> eventIds) {
    Map<UUID, Event> events = new HashMap<>();
    if (!eventIds.isEmpty()) {
      em.createQuery("SELECT v FROM Event v WHERE v.id IN :ids", Event.class).setParameter("ids", eventIds)
          .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
          .getResultList().forEach(event -> events.put(event.id(), event));
    }
    return events;
  }

  private static Map<String, String> headers(WebhookEndpoint endpoint, Event event, int number, long timestamp, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", event.id().toString());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", WebhookSignature.sign(endpoint.liveSecrets(), event.id().toString(), timestamp, body));
    headers.put("Convot-Event", event.type());
    headers.put("Convot-Delivery-Attempt", Integer.toString(number));
    headers.put("User-Agent", USER_AGENT);
    return headers;
  }
}
