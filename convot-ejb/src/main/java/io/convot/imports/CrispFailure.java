package io.convot.imports;

import java.time.Duration;

/**
 * A Crisp API call that failed. {@link Transient} failures (timeouts, 5xx) are retried by Fault
 * Tolerance; {@link RateLimited} ones (429, 420) pause the import; {@link Rejected} ones (a bad token,
 * a website the token cannot read) end it. Messages never contain the credentials.
 */
public abstract sealed class CrispFailure extends RuntimeException {

  CrispFailure(String message) {
    super(message, null, false, false);
  }

  public static final class Transient extends CrispFailure {
    public Transient(String message) {
      super(message);
    }
  }

  public static final class Rejected extends CrispFailure {
    public Rejected(String message) {
      super(message);
    }
  }

  public static final class RateLimited extends CrispFailure {
    private final Duration retryAfter;

    public RateLimited(int status, Duration retryAfter) {
      super("Crisp rate limit (" + status + ")");
      this.retryAfter = retryAfter;
    }

    /** Crisp's {@code Retry-After}, when it gave one. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
