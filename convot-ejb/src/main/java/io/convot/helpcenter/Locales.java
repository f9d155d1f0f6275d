package io.convot.helpcenter;

import java.util.Locale;
import java.util.regex.Pattern;

/** Article locales: a language, optionally with a region ({@code en}, {@code pt-BR}), normalized as BCP 47 writes them. */
public final class Locales {

  public static final String DEFAULT = "en";
  public static final String FORMAT = "^[a-z]{2,3}(-[A-Z]{2})?$";
  private static final Pattern LOOSE = Pattern.compile("^[A-Za-z]{2,3}([-_][A-Za-z]{2})?$");

  private Locales() {}

  /** {@code pt_br} -> {@code pt-BR}; null when it is not a language with an optional region. */
  public static String normalize(String locale) {
    if (locale == null || !LOOSE.matcher(locale.trim()).matches()) {
      return null;
    }
    String[] parts = locale.trim().split("[-_]");
    String language = parts[0].toLowerCase(Locale.ROOT);
    return parts.length == 1 ? language : language + "-" + parts[1].toUpperCase(Locale.ROOT);
  }
}
