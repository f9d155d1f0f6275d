package io.convot.helpcenter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Article slugs: lowercase ASCII words joined by hyphens, as they appear in URLs. */
public final class Slugs {

  public static final String FORMAT = "^[a-z0-9]+(-[a-z0-9]+)*$";
  public static final int MAX = 100;
  private static final Pattern VALID = Pattern.compile(FORMAT);

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX && VALID.matcher(slug).matches();
  }

  /** "Réglages & paiements" -> "reglages-paiements"; a title with no Latin letter or digit gives "article". */
  public static String fromTitle(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX - 4) {
      slug = slug.substring(0, MAX - 4).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "article" : slug;
  }
}
