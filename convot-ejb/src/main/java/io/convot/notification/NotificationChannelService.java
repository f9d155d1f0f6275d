package io.convot.notification;

import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.tenancy.Tenancy;
import io.convot.tenancy.TenantScoped;
import io.convot.webhook.WebhookSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The organization's Slack and Discord channels, managed by owners, admins and API keys. */
@Stateless
@TenantScoped
public class NotificationChannelService {

  private static final int MAX_CHANNELS = 50;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject Tenancy tenancy;
  @Inject WebhookSettings webhooks;
  @Inject NotificationQueues queues;
  @Inject NotificationSettings settings;

  public Page<ChannelView> list(PageRequest page) {
    caller.get().requireManager();
    return Keyset.page(em, NotificationChannel.class, page, NotificationChannel::createdAt, NotificationChannel::id).map(ChannelView::of);
  }

  public ChannelView get(UUID id) {
    caller.get().requireManager();
    return ChannelView.of(find(id));
  }

  public ChannelView create(ChannelRequest request) {
    caller.get().requireManager();
    Validation validation = new Validation();
    validation.require(request.kind() != null, "kind", "required", "kind is required: slack or discord");
    validation.require(request.url() != null, "url", "required", "url is required");
    validation.require(request.events() != null, "events", "required", "events is required: at least one of " + NotificationChannel.EVENTS);
    NotificationChannel.Kind kind = kind(request.kind(), validation);
    String url = checked(request, validation);
    long count = em.createQuery("SELECT COUNT(c) FROM NotificationChannel c", Long.class).getSingleResult();
    validation.require(count < MAX_CHANNELS, "kind", "too_many", "an organization has at most " + MAX_CHANNELS + " channels");
    validation.throwIfInvalid();
    NotificationChannel channel = new NotificationChannel(kind, url, request.events(), request.appIds() == null ? List.of() : request.appIds());
    em.persist(channel);
    return ChannelView.of(channel);
  }

  /** Changes what is given; {@code kind} cannot change (a Slack URL is no Discord URL). */
  public ChannelView update(UUID id, ChannelRequest changes) {
    caller.get().requireManager();
    NotificationChannel channel = find(id);
    Validation validation = new Validation();
    validation.require(changes.kind() == null || changes.kind().equals(channel.kind().name()), "kind", "immutable",
        "a channel's kind cannot change: add another channel");
    String url = checked(changes, validation);
    validation.throwIfInvalid();
    channel.change(url, changes.events(), changes.appIds());
    return ChannelView.of(channel);
  }

  public void delete(UUID id) {
    caller.get().requireManager();
    em.remove(find(id));
  }

  /** Queues a test post to this channel, sent and retried as any other. */
  public ChannelView sendTest(UUID id) {
    caller.get().requireManager();
    NotificationChannel channel = find(id);
    if (!channel.active()) {
      throw new ConvotException(io.convot.common.ErrorCode.CONFLICT, "The channel is disabled (" + channel.disabledReason()
          + "); save its URL again to turn it on", List.of(new FieldError("active", "disabled", "save the channel's URL again first")));
    }
    String body = ChannelPayloads.test(channel.kind(), settings.channelsLink());
    queues.post(new NotificationQueues.ChannelPost(tenancy.current(), channel.id(), "test", body, 1), Duration.ZERO);
    return ChannelView.of(channel);
  }

  private static NotificationChannel.Kind kind(String kind, Validation validation) {
    if (kind == null) {
      return null;
    }
    try {
      return NotificationChannel.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      validation.add(new FieldError("kind", "invalid_value", "kind is slack or discord"));
      return null;
    }
  }

  /** Checks events, apps and the URL (as webhook URLs are checked); returns the URL to store, null when absent. */
  private String checked(ChannelRequest request, Validation validation) {
    if (request.events() != null) {
      validation.require(!request.events().isEmpty(), "events", "required", "at least one of " + NotificationChannel.EVENTS);
      for (int i = 0; i < request.events().size(); i++) {
        validation.require(NotificationChannel.EVENTS.contains(request.events().get(i)), "events[" + i + "]", "unknown_event_type",
            "one of " + NotificationChannel.EVENTS);
      }
    }
    if (request.appIds() != null) {
      for (int i = 0; i < request.appIds().size(); i++) {
        validation.require(request.appIds().get(i) != null && em.find(App.class, request.appIds().get(i)) != null, "app_ids[" + i + "]",
            "unknown_app", "no app of this organization has this id");
      }
    }
    if (request.url() == null) {
      return null;
    }
    try {
      return webhooks.guard().checkUrl(request.url()).toString();
    } catch (ConvotException e) {
      e.fieldErrors().forEach(validation::add);
      return null;
    }
  }

  private NotificationChannel find(UUID id) {
    NotificationChannel channel = em.find(NotificationChannel.class, id);
    if (channel == null) {
      throw ConvotException.notFound("Notification channel");
    }
    return channel;
  }
}
