package io.convot.webhook;

import io.convot.event.EventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Relays every outbox event inside the change's own transaction: its deliveries and their first
 * attempts commit with the change or not at all, and no extra hop through the relay queue delays
 * them. (The relay queue stays for the sweeper, which relays anything left unrelayed.)
 */
@ApplicationScoped
public class RelayOnCommit {

  @Inject WebhookRelay relay;

  void relay(@Observes EventRecorded recorded) {
    relay.relay(recorded.organizationId(), recorded.eventId());
  }
}
