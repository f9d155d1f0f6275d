package io.convot.webhook;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint on the wire; {@code secret} appears only when it is created or rotated. */
public record WebhookEndpointView(
    UUID id,
    String url,
    String description,
    @JsonbProperty("events") List<String> eventTypes,
    List<UUID> appIds,
    boolean active,
    String disabledReason,
    Instant disabledAt,
    @JsonbNillable(false) String secret,
    Instant createdAt,
    Instant updatedAt) {

  public static WebhookEndpointView of(WebhookEndpoint endpoint, String secret) {
    return new WebhookEndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
        endpoint.appIds(), endpoint.active(), endpoint.disabledReason(), endpoint.disabledAt(), secret,
        endpoint.createdAt(), endpoint.updatedAt());
  }
}
