package io.convot.contact;

/**
 * Who a visitor says they are. The {@code external_id} names the person when given; otherwise the
 * email does. That same value is what an identity hash signs.
 */
public record Identity(String externalId, String email) {

  public static final Identity ANONYMOUS = new Identity(null, null);

  public Identity {
    externalId = blankToNull(externalId);
    email = blankToNull(email);
  }

  /** The email as contacts store and match it; the hash signs it as the host app sent it. */
  public String normalizedEmail() {
    return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isAnonymous() {
    return externalId == null && email == null;
  }

  /** The value a {@code user_hash} signs: the external id when there is one, else the email. */
  public String signedValue() {
    return externalId != null ? externalId : email;
  }

  /** Whether {@code other} names someone else: a different person, not just more detail about this one. */
  public boolean conflictsWith(Identity other) {
    if (isAnonymous() || other.isAnonymous()) {
      return false;
    }
    if (externalId != null && other.externalId != null) {
      return !externalId.equals(other.externalId);
    }
    if (email != null && other.email != null) {
      return !normalizedEmail().equals(other.normalizedEmail());
    }
    return false;
  }

  /** Whether {@code other} already says everything this identity says. */
  public boolean isCoveredBy(Identity other) {
    return (externalId == null || externalId.equals(other.externalId))
        && (email == null || normalizedEmail().equals(other.normalizedEmail()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
