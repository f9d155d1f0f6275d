package io.convot.webhook;

import io.convot.event.EventType;
import io.convot.event.OutboxEvent;
import java.util.UUID;

/** {@code webhook.test}: sent to one endpoint on request, of no app. */
public record WebhookTestEvent(String message, UUID endpointId) implements OutboxEvent {

  static WebhookTestEvent to(UUID endpointId) {
    return new WebhookTestEvent("A test event from Convot", endpointId);
  }

  @Override
  public EventType type() {
    return EventType.WEBHOOK_TEST;
  }

  @Override
  public UUID appId() {
    return null;
  }
}
