package io.convot.it.support.partner;

/** How the simulated Partner API fails a request, as the real one does. */
public enum Failure {
  /** 401 with Shopify's body for an unknown or revoked token. */
  UNAUTHORIZED,
  /** 503 Service Unavailable. */
  SERVER_ERROR,
  /** 429 with {@code Retry-After: 1}. */
  RATE_LIMITED,
  /** A valid answer, three seconds late: past the test server's two-second timeout. */
  SLOW
}
