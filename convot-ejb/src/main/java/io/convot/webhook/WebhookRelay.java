package io.convot.webhook;

import io.convot.event.Event;
import io.convot.event.EventReceivers;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * Hands an event to every endpoint that wants it: one delivery each, their first attempts queued
 * together, the event marked relayed, all in the transaction that wrote the event. A disabled
 * endpoint that would want it gets a skipped delivery, which replay sends once it is enabled again.
 * A second relay of the same event (the sweeper's) finds it relayed and does nothing.
 */
@Stateless
public class WebhookRelay {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject WebhookQueues queues;
  @Inject EventReceivers receivers;

  public void relay(UUID organizationId, UUID eventId) {
    tenancy.enter(organizationId);
    Event event = em.find(Event.class, eventId);
    if (event == null || event.relayedAt() != null) {
      return;
    }
    // Read only: the relay changes no endpoint, so they are not copied for change tracking. None to
    // read when the transaction learnt already that the organization has none.
    List<WebhookEndpoint> endpoints = receivers.noWebhookEndpoints(organizationId) ? List.of()
        : em.createQuery("SELECT e FROM WebhookEndpoint e", WebhookEndpoint.class)
            .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
            .getResultList();
    List<WebhookDelivery> due = new ArrayList<>();
    for (WebhookEndpoint endpoint : endpoints) {
      if (endpoint.subscribesTo(event.type(), event.appId())) {
        WebhookDelivery delivery = new WebhookDelivery(endpoint, event);
        em.persist(delivery);
        if (delivery.status() == WebhookDelivery.Status.pending) {
          due.add(delivery);
        }
      }
    }
    queues.attempts(organizationId, due, 1);
    event.markRelayed();
  }

  /** A new delivery of {@code event} to {@code endpoint}, its first attempt queued in this transaction. */
  public WebhookDelivery deliver(UUID organizationId, WebhookEndpoint endpoint, Event event) {
    WebhookDelivery delivery = new WebhookDelivery(endpoint, event);
    em.persist(delivery);
    queues.attempt(organizationId, delivery, 1, Duration.ZERO);
    return delivery;
  }
}
