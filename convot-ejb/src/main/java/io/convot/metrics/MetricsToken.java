package io.convot.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The scraper's credential for {@code /metrics}: {@code Authorization: Bearer <convot.metrics.token>}, compared
 * in constant time. An empty setting accepts nobody, so the endpoint is closed until an operator sets one.
 */
public final class MetricsToken {

  /** What a request's {@code Authorization} header amounts to. */
  public enum Verdict { ACCEPTED, MISSING, WRONG }

  private final byte[] expected;

  public MetricsToken(String configured) {
    this.expected = configured == null ? new byte[0] : configured.strip().getBytes(StandardCharsets.UTF_8);
  }

  public boolean isSet() {
    return expected.length > 0;
  }

  public Verdict check(String authorization) {
    String sent = bearer(authorization);
    if (sent == null) {
      return Verdict.MISSING;
    }
    return isSet() && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8)) ? Verdict.ACCEPTED : Verdict.WRONG;
  }

  private static String bearer(String header) {
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return null;
    }
    String token = header.substring("bearer ".length()).strip();
    return token.isEmpty() ? null : token;
  }
}
