package io.convot.common;

/** A 429 {@code rate_limited}: the client may try again after {@code retryAfterSeconds}. */
public class RateLimitExceeded extends ConvotException {

  private final long retryAfterSeconds;

  public RateLimitExceeded(String detail, long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMITED, detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
