package io.convot.webhook;

import java.time.Instant;
import java.util.UUID;

/** What became of one delivery's attempt, waiting to be recorded with the others of its batch. */
public record AttemptOutcome(UUID deliveryId, Instant attemptedAt, AttemptResult result) {}
