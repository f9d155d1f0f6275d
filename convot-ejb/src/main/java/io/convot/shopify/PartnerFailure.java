package io.convot.shopify;

/**
 * A Partner API call that failed. {@link Transient} failures (timeouts, 5xx, 429) are retried inside
 * a run; {@link Rejected} ones (a bad token, a missing permission, a query the API refuses) are not.
 * Messages never contain the token.
 */
public abstract sealed class PartnerFailure extends RuntimeException {

  PartnerFailure(String message) {
    super(message, null, false, false);
  }

  public static final class Transient extends PartnerFailure {
    public Transient(String message) {
      super(message);
    }
  }

  public static final class Rejected extends PartnerFailure {
    public enum Why { TOKEN_INVALID, MISSING_SCOPE, REFUSED }

    private final Why why;

    public Rejected(Why why, String message) {
      super(message);
      this.why = why;
    }

    public Why why() {
      return why;
    }
  }
}
