package io.convot.helpcenter;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Custom-domain hostnames as stored: lowercase ASCII (IDNA), no final dot, at least two labels, not an address. */
public final class Hostnames {

  private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern NUMERIC = Pattern.compile("^[0-9.]+$");

  private Hostnames() {}

  /** The configured help-center host as records name it: lowercase, without a final dot. */
  public static String host(String configured) {
    String host = configured.strip().toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** The normalized hostname, or null when it is not one a help center can be served on. */
  public static String normalize(String hostname) {
    if (hostname == null || hostname.isBlank() || hostname.length() > 253) {
      return null;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(hostname.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    String[] labels = ascii.split("\\.", -1);
    if (ascii.length() > 253 || labels.length < 2 || NUMERIC.matcher(ascii).matches()) {
      return null;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return null;
      }
    }
    return ascii;
  }
}
