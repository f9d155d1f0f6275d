package io.convot.webhook;

import io.convot.event.EventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Queues every outbox event for the relay inside the change's own transaction: the message is
 * sent only if the change commits, and the event row is there when it arrives.
 */
@ApplicationScoped
public class RelayOnCommit {

  @Inject WebhookQueues queues;

  void queue(@Observes EventRecorded recorded) {
    queues.relay(recorded.organizationId(), recorded.eventId());
  }
}
