package io.convot.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired inside the transaction in which an endpoint disabled itself (it answered 410 Gone, or every
 * attempt failed for too long); never for a change someone made. {@code failingSince} is when its
 * failures began, or the disabling attempt itself when nothing failed before it.
 */
public record EndpointDisabled(UUID organizationId, UUID endpointId, String url, String description, String reason,
                               Instant failingSince, Instant disabledAt) {

  static EndpointDisabled of(UUID organizationId, WebhookEndpoint endpoint) {
    Instant since = endpoint.failingSince() == null ? endpoint.disabledAt() : endpoint.failingSince();
    return new EndpointDisabled(organizationId, endpoint.id(), endpoint.url(), endpoint.description(),
        endpoint.disabledReason(), since, endpoint.disabledAt());
  }
}
