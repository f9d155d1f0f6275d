package io.convot.webhook;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.event.Event;
import io.convot.event.EventType;
import io.convot.event.Outbox;
import io.convot.tenancy.Tenancy;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints and their delivery logs, managed by owners, admins and API keys. */
@Stateless
@TenantScoped
public class WebhookService {

  private static final int MAX_REPLAYED = 10_000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject Tenancy tenancy;
  @Inject WebhookSettings settings;
  @Inject WebhookRelay relay;
  @Inject WebhookQueues queues;
  @Inject Outbox outbox;

  public Page<WebhookEndpointView> list(PageRequest page) {
    caller.get().requireManager();
    return Keyset.page(em, WebhookEndpoint.class, page, WebhookEndpoint::createdAt, WebhookEndpoint::id)
        .map(endpoint -> WebhookEndpointView.of(endpoint, null));
  }

  public WebhookEndpointView get(UUID id) {
    caller.get().requireManager();
    return WebhookEndpointView.of(find(id), null);
  }

  /** Creates an endpoint; its secret is in this answer and never again. */
  public WebhookEndpointView create(EndpointRequest request) {
    caller.get().requireManager();
    Validation validation = new Validation();
    validation.require(request.url() != null, "url", "required", "url is required");
    String url = checked(request, validation);
    WebhookSecret secret = WebhookSecret.generate();
    WebhookEndpoint endpoint = new WebhookEndpoint(url, request.description(),
        request.eventTypes() == null ? List.of() : request.eventTypes(), request.appIds() == null ? List.of() : request.appIds(), secret);
    em.persist(endpoint);
    return WebhookEndpointView.of(endpoint, secret.value());
  }

  public WebhookEndpointView update(UUID id, EndpointRequest changes) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    String url = checked(changes, new Validation());
    endpoint.change(url, changes.description(), changes.eventTypes(), changes.appIds());
    return WebhookEndpointView.of(endpoint, null);
  }

  public void delete(UUID id) {
    caller.get().requireManager();
    em.remove(find(id));
  }

  public WebhookEndpointView rotateSecret(UUID id) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    WebhookSecret secret = WebhookSecret.generate();
    endpoint.rotateSecret(secret, settings.secretGracePeriod());
    return WebhookEndpointView.of(endpoint, secret.value());
  }

  /** Stops deliveries until it is enabled again; its events meanwhile are kept as skipped deliveries. */
  public WebhookEndpointView disable(UUID id) {
    Caller who = caller.get();
    who.requireManager();
    WebhookEndpoint endpoint = find(id);
    endpoint.disableByHand(who.isMember() ? "Disabled by a member of the team" : "Disabled with an API key");
    return WebhookEndpointView.of(endpoint, null);
  }

  public WebhookEndpointView enable(UUID id) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    endpoint.enable();
    return WebhookEndpointView.of(endpoint, null);
  }

  /** Sends {@code webhook.test} to this endpoint only. */
  public WebhookDeliveryView sendTest(UUID id) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    requireActive(endpoint);
    Event event = outbox.recordUnrelayed(WebhookTestEvent.to(endpoint.id()));
    return WebhookDeliveryView.of(relay.deliver(tenancy.current(), endpoint, event), List.of());
  }

  /** The delivery log, oldest first (to follow it with {@code since}) or newest first (to read it). */
  public Page<WebhookDeliveryView> deliveries(UUID id, String eventType, WebhookDelivery.Status status, Instant since,
      boolean newestFirst, PageRequest page) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    Keyset.Filter where = new Keyset.Filter()
        .where("e.endpointId = :endpointId", "endpointId", endpoint.id())
        .where("e.eventType = :eventType", "eventType", eventType)
        .where("e.status = :status", "status", status)
        .where("e.createdAt >= :since", "since", since);
    Keyset.Order order = newestFirst ? Keyset.Order.newestFirst("createdAt") : Keyset.Order.OLDEST_CREATED_FIRST;
    return Keyset.page(em, WebhookDelivery.class, where, page, order, WebhookDelivery::createdAt, WebhookDelivery::id)
        .map(delivery -> WebhookDeliveryView.of(delivery, attemptsOf(delivery)));
  }

  /** One more attempt now, with the same {@code webhook-id}. */
  public WebhookDeliveryView retry(UUID id, UUID deliveryId) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    requireActive(endpoint);
    WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
    if (delivery == null || !delivery.endpointId().equals(endpoint.id())) {
      throw ConvotException.notFound("Delivery");
    }
    redeliver(delivery);
    return WebhookDeliveryView.of(delivery, attemptsOf(delivery));
  }

  /**
   * Redelivers every delivery of this endpoint created since {@code since} that failed, or was
   * skipped while the endpoint was disabled; returns how many.
   */
  public int replay(UUID id, Instant since) {
    caller.get().requireManager();
    WebhookEndpoint endpoint = find(id);
    requireActive(endpoint);
    List<WebhookDelivery> missed = em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpointId"
            + " AND d.status IN :missed AND d.createdAt >= :since ORDER BY d.createdAt", WebhookDelivery.class)
        .setParameter("endpointId", endpoint.id())
        .setParameter("missed", List.of(WebhookDelivery.Status.failed, WebhookDelivery.Status.skipped))
        .setParameter("since", since).setMaxResults(MAX_REPLAYED).getResultList();
    missed.forEach(this::redeliver);
    return missed.size();
  }

  private void redeliver(WebhookDelivery delivery) {
    delivery.retryNow();
    queues.attempt(tenancy.current(), delivery, delivery.attempts() + 1, Duration.ZERO);
  }

  private List<WebhookAttempt> attemptsOf(WebhookDelivery delivery) {
    return em.createQuery("SELECT a FROM WebhookAttempt a WHERE a.deliveryId = :deliveryId ORDER BY a.number", WebhookAttempt.class)
        .setParameter("deliveryId", delivery.id()).getResultList();
  }

  /** Validates the request's parts; returns the URL to store (null when absent). */
  private String checked(EndpointRequest request, Validation validation) {
    if (request.eventTypes() != null) {
      for (int i = 0; i < request.eventTypes().size(); i++) {
        String type = request.eventTypes().get(i);
        boolean known = EventType.fromWireName(type).isPresent();
        validation.require(known, "events[" + i + "]", "unknown_event_type", "not one of Convot's event types");
      }
    }
    if (request.appIds() != null) {
      for (int i = 0; i < request.appIds().size(); i++) {
        validation.require(em.find(App.class, request.appIds().get(i)) != null, "app_ids[" + i + "]", "unknown_app", "no app of this organization has this id");
      }
    }
    validation.require(request.description() == null || request.description().length() <= 500, "description", "too_long", "at most 500 characters");
    String url = null;
    if (request.url() != null) {
      try {
        url = settings.guard().checkUrl(request.url()).toString();
      } catch (ConvotException e) {
        e.fieldErrors().forEach(validation::add);
      }
    }
    validation.throwIfInvalid();
    return url;
  }

  private static void requireActive(WebhookEndpoint endpoint) {
    if (!endpoint.active()) {
      throw new ConvotException(io.convot.common.ErrorCode.CONFLICT, "The endpoint is disabled (" + endpoint.disabledReason()
          + "); enable it first", List.of(new FieldError("active", "disabled", "enable the endpoint first")));
    }
  }

  private WebhookEndpoint find(UUID id) {
    WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
    if (endpoint == null) {
      throw ConvotException.notFound("Webhook endpoint");
    }
    return endpoint;
  }
}
