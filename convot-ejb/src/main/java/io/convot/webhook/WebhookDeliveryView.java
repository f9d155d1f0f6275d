package io.convot.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery in the log, with every attempt made so far. */
public record WebhookDeliveryView(
    UUID id,
    UUID endpointId,
    UUID eventId,
    String eventType,
    String status,
    int attemptCount,
    Integer lastStatusCode,
    Instant nextAttemptAt,
    List<Attempt> attempts,
    Instant createdAt,
    Instant updatedAt) {

  /** One attempt: when, the answer's status and first kilobyte, or the error, and how long it took. */
  public record Attempt(int number, Instant attemptedAt, Integer statusCode, int durationMs, String responseExcerpt, String error) {
    static Attempt of(WebhookAttempt attempt) {
      return new Attempt(attempt.number(), attempt.attemptedAt(), attempt.statusCode(), attempt.durationMs(),
          attempt.responseExcerpt(), attempt.error());
    }
  }

  public static WebhookDeliveryView of(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    return new WebhookDeliveryView(delivery.id(), delivery.endpointId(), delivery.eventId(), delivery.eventType(),
        delivery.status().name(), delivery.attempts(), delivery.lastStatusCode(), delivery.nextAttemptAt(),
        attempts.stream().map(Attempt::of).toList(), delivery.createdAt(), delivery.updatedAt());
  }
}
