package io.convot.webhook;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint on the wire; {@code secret} appears only when it is created or rotated. {@code status}
 * tells an endpoint disabled by hand ({@code disabled}) from one Convot disabled ({@code auto_disabled});
 * {@code previous_secret_expires_at} is set while the secret a rotation replaced still signs.
 */
public record WebhookEndpointView(
    UUID id,
    String url,
    String description,
    @JsonbProperty("events") List<String> eventTypes,
    List<UUID> appIds,
    boolean active,
    String status,
    String disabledReason,
    Instant disabledAt,
    @JsonbNillable(false) String secret,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public static WebhookEndpointView of(WebhookEndpoint endpoint, String secret) {
    return new WebhookEndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
        endpoint.appIds(), endpoint.active(), endpoint.status(), endpoint.disabledReason(), endpoint.disabledAt(), secret,
        endpoint.previousSecretExpiresAt(), endpoint.createdAt(), endpoint.updatedAt());
  }
}
