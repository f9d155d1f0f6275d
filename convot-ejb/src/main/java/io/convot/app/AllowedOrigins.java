package io.convot.app;

import io.convot.common.FieldError;
import io.convot.common.Validation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The origins allowed to embed an app's widget: {@code scheme://host[:port]}, where the host may
 * start with one {@code *.} wildcard label ({@code https://*.myshopify.com}).
 */
public record AllowedOrigins(List<String> origins) {

  public static final AllowedOrigins DEFAULT = new AllowedOrigins(List.of("https://*.myshopify.com"));
  public static final int MAX_ORIGINS = 50;

  private static final Pattern HOST = Pattern.compile(
      "^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

  /** Validates every entry, reporting each bad one as {@code field[i]}; duplicates collapse. */
  public static AllowedOrigins parse(List<String> values, String field, Validation validation) {
    if (values.size() > MAX_ORIGINS) {
      validation.add(new FieldError(field, "too_many", "at most " + MAX_ORIGINS + " origins"));
      return DEFAULT;
    }
    LinkedHashSet<String> origins = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String origin = normalize(values.get(i));
      if (origin == null) {
        validation.add(new FieldError(field + "[" + i + "]", "invalid_origin",
            "must be an origin such as https://admin.example.com or https://*.myshopify.com"));
      } else {
        origins.add(origin);
      }
    }
    return new AllowedOrigins(List.copyOf(origins));
  }

  static String normalize(String value) {
    if (value == null || value.isBlank() || value.length() > 300) {
      return null;
    }
    String candidate = value.trim().toLowerCase(Locale.ROOT);
    if (candidate.endsWith("/")) {
      candidate = candidate.substring(0, candidate.length() - 1);
    }
    int schemeEnd = candidate.indexOf("://");
    if (schemeEnd < 0) {
      return null;
    }
    String scheme = candidate.substring(0, schemeEnd);
    String authority = candidate.substring(schemeEnd + 3);
    if (!scheme.equals("https") && !scheme.equals("http") || authority.isEmpty()) {
      return null;
    }
    String host = authority;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.substring(0, colon);
      String port = authority.substring(colon + 1);
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        return null;
      }
    }
    if (!HOST.matcher(host).matches()) {
      return null;
    }
    try {
      URI.create(candidate.replace("*.", "wildcard."));
    } catch (IllegalArgumentException e) {
      return null;
    }
    return candidate;
  }

  /**
   * Whether a browser {@code Origin} header value is one of {@code allowed}: scheme, host and port
   * must match; {@code *.} matches one or more leading labels.
   */
  public static boolean matches(List<String> allowed, String origin) {
    String candidate = normalize(origin);
    if (candidate == null || candidate.contains("*")) {
      return false;
    }
    for (String pattern : allowed) {
      int wildcard = pattern.indexOf("://*.");
      if (wildcard < 0 ? pattern.equals(candidate) : matchesWildcard(pattern, wildcard, candidate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesWildcard(String pattern, int wildcard, String candidate) {
    String scheme = pattern.substring(0, wildcard + 3);
    String suffix = pattern.substring(wildcard + 4); // ".myshopify.com[:port]"
    return candidate.startsWith(scheme) && candidate.endsWith(suffix)
        && candidate.length() > scheme.length() + suffix.length();
  }

  String stored() {
    return String.join("\n", origins);
  }

  static AllowedOrigins fromStored(String stored) {
    if (stored == null || stored.isEmpty()) {
      return new AllowedOrigins(List.of());
    }
    return new AllowedOrigins(List.of(stored.split("\n")));
  }

  public List<String> asList() {
    return new ArrayList<>(origins);
  }
}
