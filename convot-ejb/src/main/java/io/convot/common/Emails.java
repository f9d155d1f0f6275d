package io.convot.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as people type them: trimmed, lower-cased, one @ and a dotted domain. */
public final class Emails {

  private static final Pattern SHAPE =
      Pattern.compile("^[^\\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

  private Emails() {}

  public static boolean isValid(String email) {
    return email != null && email.length() <= 254 && SHAPE.matcher(email.trim()).matches();
  }

  public static String normalize(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }
}
