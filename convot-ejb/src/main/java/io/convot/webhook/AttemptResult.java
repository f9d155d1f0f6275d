package io.convot.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What one delivery attempt came to, as the delivery log keeps it.
 *
 * @param statusCode the HTTP status, 0 when no response arrived
 * @param duration from sending to the end of the response (or the failure)
 * @param responseExcerpt at most the first 1 KB of the response body (UTF-8), "" without one
 * @param error why no response arrived (timeout, refused, forbidden target...), null when one did
 * @param retryAfter how long a 429 or 503 asked us to wait, from its {@code Retry-After}
 */
public record AttemptResult(int statusCode, Duration duration, String responseExcerpt, String error,
    Optional<Duration> retryAfter) {

  static AttemptResult response(int statusCode, Duration duration, String excerpt, Optional<Duration> retryAfter) {
    return new AttemptResult(statusCode, duration, excerpt, null, retryAfter);
  }

  static AttemptResult failure(Duration duration, String error) {
    return new AttemptResult(0, duration, "", error, Optional.empty());
  }

  /** Any 2xx; a redirect is a failure, since following it could lead anywhere. */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** The receiver says the endpoint is gone for good: the contract disables it at once. */
  public boolean gone() {
    return statusCode == 410;
  }
}
