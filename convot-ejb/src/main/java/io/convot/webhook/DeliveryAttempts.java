package io.convot.webhook;

import io.convot.common.Timestamps;
import io.convot.event.Event;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The two short transactions around each attempt's POST (which holds no database connection):
 * one prepares the signed request if the attempt is still due, one records its outcome and queues
 * the next attempt, per the retry schedule, or ends the delivery.
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

  public Optional<PreparedAttempt> prepare(UUID organizationId, UUID deliveryId, int number) {
    tenancy.enter(organizationId);
    // One round trip for the three rows an attempt needs.
    List<Object[]> rows = em.createQuery("SELECT d, e, v FROM WebhookDelivery d, WebhookEndpoint e, Event v"
            + " WHERE d.id = :id AND e.id = d.endpointId AND v.id = d.eventId", Object[].class)
        .setParameter("id", deliveryId).getResultList();
    if (rows.isEmpty() || !((WebhookDelivery) rows.get(0)[0]).isDue(number)) {
      return Optional.empty(); // made already (a redelivered or duplicated message), or deleted with its endpoint
    }
    WebhookDelivery delivery = (WebhookDelivery) rows.get(0)[0];
    WebhookEndpoint endpoint = (WebhookEndpoint) rows.get(0)[1];
    Event event = (Event) rows.get(0)[2];
    if (!endpoint.active()) {
      delivery.giveUp();
      return Optional.empty();
    }
    long timestamp = Timestamps.now().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", event.id().toString());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", WebhookSignature.sign(endpoint.liveSecrets(), event.id().toString(), timestamp, event.payload()));
    headers.put("Convot-Event", event.type());
    headers.put("Convot-Delivery-Attempt", Integer.toString(number));
    headers.put("User-Agent", USER_AGENT);
    return Optional.of(new PreparedAttempt(endpoint.url(), headers, event.payload()));
  }

  public void record(UUID organizationId, UUID deliveryId, int number, Instant attemptedAt, AttemptResult result) {
    tenancy.enter(organizationId);
    List<Object[]> rows = em.createQuery("SELECT d, e FROM WebhookDelivery d, WebhookEndpoint e"
            + " WHERE d.id = :id AND e.id = d.endpointId", Object[].class)
        .setParameter("id", deliveryId).getResultList();
    if (rows.isEmpty() || !((WebhookDelivery) rows.get(0)[0]).isDue(number)) {
      return;
    }
    WebhookDelivery delivery = (WebhookDelivery) rows.get(0)[0];
    WebhookEndpoint endpoint = (WebhookEndpoint) rows.get(0)[1];
    em.persist(new WebhookAttempt(delivery, number, attemptedAt, result));
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
    delay.ifPresent(wait -> queues.attempt(organizationId, deliveryId, number + 1, wait));
    if (endpoint.failed(settings.disableAfter())) {
      disabled.fire(EndpointDisabled.of(organizationId, endpoint));
      LOG.warning(() -> "Webhook endpoint " + endpoint.id() + " of organization " + organizationId
          + " disabled: every delivery failed for " + settings.disableAfter().toDays() + " days");
    }
  }
}
