package io.convot.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends an attempt, absorbing a connection reset inside the attempt with MicroProfile Fault
 * Tolerance: a receiver restarting under load is not counted as a failed attempt.
 */
@ApplicationScoped
public class ResilientSender {

  @Inject WebhookSettings settings;

  /** Raised for a reset connection so that {@link Retry} tries the same attempt again. */
  public static class ConnectionReset extends RuntimeException {
    private final transient AttemptResult result;

    ConnectionReset(AttemptResult result) {
      super(result.error(), null, false, false);
      this.result = result;
    }

    /** The outcome once the retries are spent: the attempt failed. */
    public AttemptResult result() {
      return result;
    }
  }

  @Retry(retryOn = ConnectionReset.class, maxRetries = 2, delay = 100, jitter = 50)
  public AttemptResult send(PreparedAttempt attempt) {
    AttemptResult result = settings.http().send(attempt.url(), attempt.headers(), attempt.body());
    if (isReset(result)) {
      throw new ConnectionReset(result);
    }
    return result;
  }

  /** A connection reset, or closed before any response: the receiver may simply be restarting. */
  private static boolean isReset(AttemptResult result) {
    String error = result.error() == null ? "" : result.error().toLowerCase(java.util.Locale.ROOT);
    return result.statusCode() == 0 && (error.contains("reset") || error.contains("closed the connection"));
  }
}
