package io.convot.app;

import io.convot.common.FieldError;
import io.convot.common.JsonText;
import io.convot.common.Validation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How an app's widget looks and behaves, beyond its {@code theme_color}: launcher label and welcome
 * text per locale (falling back to {@code default_locale}), side and offsets, colors, font, corner
 * radius, when it opens or hides, whether new conversations are paused, whether the visitor's email
 * is asked before chatting, the countries it shows in, and a calendar link shown when away.
 *
 * <p>Stored as one JSON document; a change is a JSON Merge Patch of it ({@link #merge}): members
 * left out keep their value, {@code null} puts a member back to its default.
 */
public record WidgetSettings(
    Map<String, String> launcherLabel,
    Map<String, String> welcomeText,
    String defaultLocale,
    String position,
    int offsetX,
    int offsetY,
    String themeTextColor,
    String launcherColor,
    String font,
    int cornerRadius,
    boolean openOnLoad,
    boolean hideOnMobile,
    boolean hideWhenUnavailable,
    boolean pauseNewConversations,
    String collectEmail,
    List<String> countries,
    String calendarUrl) {

  /** Fonts every visitor's device has (or a close stand-in): no web font is ever loaded. */
  public static final List<String> FONTS = List.of("system", "helvetica", "georgia", "verdana", "trebuchet", "monospace");
  public static final List<String> POSITIONS = List.of("right", "left");
  public static final List<String> COLLECT_EMAIL = List.of("off", "optional", "required");
  public static final int MAX_OFFSET = 160;
  public static final int MAX_RADIUS = 32;
  public static final int MAX_LABEL = 40;
  public static final int MAX_WELCOME = 500;
  /** WCAG 2.x AA for normal text. */
  public static final double MIN_CONTRAST = 4.5;

  public static final WidgetSettings DEFAULT = new WidgetSettings(Map.of(), Map.of(), "en", "right", 16, 16, null, null,
      "system", 16, false, false, false, false, "off", List.of(), null);

  private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  private static final Pattern LOCALE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> FIELDS = Set.of("launcher_label", "welcome_text", "default_locale", "position", "offset_x",
      "offset_y", "theme_text_color", "launcher_color", "font", "corner_radius", "open_on_load", "hide_on_mobile",
      "hide_when_unavailable", "pause_new_conversations", "collect_email", "countries", "calendar_url");

  /** The text for {@code locale} (its language alone next), else the default locale's, else null. */
  public static String localized(Map<String, String> texts, String locale, String defaultLocale) {
    if (locale != null) {
      String exact = texts.get(locale);
      if (exact != null) {
        return exact;
      }
      String language = locale.split("-")[0];
      if (texts.containsKey(language)) {
        return texts.get(language);
      }
    }
    return texts.get(defaultLocale);
  }

  /**
   * Applies a JSON Merge Patch of the settings, checking each member given and reporting problems
   * under {@code widget.<member>}. The contrast rule is the caller's: it needs the theme color.
   */
  public WidgetSettings merge(JsonObject patch, Validation validation) {
    JsonObjectBuilder merged = Json.createObjectBuilder(toJson());
    patch.forEach((key, value) -> {
      String field = "widget." + key;
      if (!FIELDS.contains(key)) {
        validation.add(new FieldError(field, "unknown_field", field + " is not a widget setting"));
      } else if (value == JsonValue.NULL) {
        merged.add(key, DEFAULT.toJson().get(key));
      } else if (check(key, value, field, validation)) {
        merged.add(key, normalize(key, value));
      }
    });
    return read(merged.build());
  }

  private static boolean check(String key, JsonValue value, String field, Validation validation) {
    int errors = validation.size();
    switch (key) {
      case "launcher_label", "welcome_text" -> texts(value, field, "launcher_label".equals(key) ? MAX_LABEL : MAX_WELCOME, validation);
      case "default_locale" -> validation.require(value instanceof JsonString s && LOCALE.matcher(s.getString()).matches(),
          field, "invalid_locale", field + " is a locale such as en or pt-BR");
      case "position" -> oneOf(value, POSITIONS, field, validation);
      case "font" -> oneOf(value, FONTS, field, validation);
      case "collect_email" -> oneOf(value, COLLECT_EMAIL, field, validation);
      case "offset_x", "offset_y" -> range(value, 0, MAX_OFFSET, field, validation);
      case "corner_radius" -> range(value, 0, MAX_RADIUS, field, validation);
      case "theme_text_color", "launcher_color" -> validation.require(value instanceof JsonString s && COLOR.matcher(s.getString()).matches(),
          field, "invalid_color", field + " is a hex color such as #ffffff");
      case "open_on_load", "hide_on_mobile", "hide_when_unavailable", "pause_new_conversations" ->
          validation.require(value == JsonValue.TRUE || value == JsonValue.FALSE, field, "wrong_type", field + " must be true or false");
      case "countries" -> countries(value, field, validation);
      case "calendar_url" -> validation.require(value instanceof JsonString s && isHttpsUrl(s.getString()), field, "invalid_url",
          field + " is an https:// link of at most 500 characters");
      default -> { }
    }
    return validation.size() == errors;
  }

  private static void texts(JsonValue value, String field, int max, Validation validation) {
    if (!(value instanceof JsonObject texts)) {
      validation.add(new FieldError(field, "wrong_type", field + " is an object of locale to text, such as {\"en\": \"Chat with us\"}"));
      return;
    }
    validation.require(texts.size() <= 50, field, "too_many", field + " takes at most 50 locales");
    texts.forEach((locale, text) -> {
      String at = field + "." + locale;
      validation.require(LOCALE.matcher(locale).matches(), at, "invalid_locale", locale + " is not a locale such as en or pt-BR");
      if (!(text instanceof JsonString string) || string.getString().isBlank()) {
        validation.add(new FieldError(at, "wrong_type", at + " must be a text that is not blank"));
      } else {
        validation.require(string.getString().length() <= max, at, "too_long", at + " must be at most " + max + " characters");
      }
    });
  }

  private static void oneOf(JsonValue value, List<String> allowed, String field, Validation validation) {
    validation.require(value instanceof JsonString s && allowed.contains(s.getString()), field, "invalid_value",
        field + " is one of " + String.join(", ", allowed));
  }

  private static void range(JsonValue value, int min, int max, String field, Validation validation) {
    validation.require(value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) >= 0
        && n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) <= 0, field, "out_of_range",
        field + " is a whole number of pixels from " + min + " to " + max);
  }

  private static void countries(JsonValue value, String field, Validation validation) {
    if (!(value instanceof JsonArray list)) {
      validation.add(new FieldError(field, "wrong_type", field + " is an array of ISO 3166-1 alpha-2 codes such as [\"FR\", \"DE\"]"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonValue code = list.get(i);
      validation.require(code instanceof JsonString s && COUNTRIES.contains(s.getString().trim().toUpperCase(Locale.ROOT)),
          field + "[" + i + "]", "invalid_country", field + "[" + i + "] is not an ISO 3166-1 alpha-2 country code");
    }
  }

  private static boolean isHttpsUrl(String text) {
    if (text.length() > 500) {
      return false;
    }
    try {
      URI uri = new URI(text.trim());
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static JsonValue normalize(String key, JsonValue value) {
    return switch (key) {
      case "theme_text_color", "launcher_color" -> Json.createValue(((JsonString) value).getString().toLowerCase(Locale.ROOT));
      case "countries" -> {
        TreeSet<String> codes = new TreeSet<>();
        value.asJsonArray().forEach(code -> codes.add(((JsonString) code).getString().trim().toUpperCase(Locale.ROOT)));
        yield Json.createArrayBuilder(List.copyOf(codes)).build();
      }
      case "launcher_label", "welcome_text" -> {
        JsonObjectBuilder texts = Json.createObjectBuilder();
        value.asJsonObject().forEach((locale, text) -> texts.add(locale, ((JsonString) text).getString().trim()));
        yield texts.build();
      }
      case "calendar_url" -> Json.createValue(((JsonString) value).getString().trim());
      default -> value;
    };
  }

  /** The contrast ratio (1 to 21) of two hex colors, as WCAG 2.x defines it. */
  public static double contrast(String hexA, String hexB) {
    double a = luminance(hexA);
    double b = luminance(hexB);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /**
   * The text on the theme color must be readable: WCAG AA, 4.5:1. Checked when both are set, else
   * the widget picks black or white itself, whichever contrasts more.
   */
  public static void checkContrast(String themeColor, String themeTextColor, Validation validation) {
    if (themeColor == null || themeTextColor == null) {
      return;
    }
    double ratio = contrast(themeColor, themeTextColor);
    if (ratio < MIN_CONTRAST) {
      validation.add(new FieldError("widget.theme_text_color", "insufficient_contrast", String.format(Locale.ROOT,
          "The text color %s on the theme color %s has a contrast ratio of %.2f:1; WCAG AA needs at least 4.5:1",
          themeTextColor, themeColor, Math.floor(ratio * 100) / 100)));
    }
  }

  public JsonObject toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder()
        .add("launcher_label", Json.createObjectBuilder(new LinkedHashMap<String, Object>(launcherLabel)))
        .add("welcome_text", Json.createObjectBuilder(new LinkedHashMap<String, Object>(welcomeText)))
        .add("default_locale", defaultLocale)
        .add("position", position)
        .add("offset_x", offsetX)
        .add("offset_y", offsetY)
        .add("theme_text_color", nullable(themeTextColor))
        .add("launcher_color", nullable(launcherColor))
        .add("font", font)
        .add("corner_radius", cornerRadius)
        .add("open_on_load", openOnLoad)
        .add("hide_on_mobile", hideOnMobile)
        .add("hide_when_unavailable", hideWhenUnavailable)
        .add("pause_new_conversations", pauseNewConversations)
        .add("collect_email", collectEmail)
        .add("countries", Json.createArrayBuilder(countries))
        .add("calendar_url", nullable(calendarUrl));
    return json.build();
  }

  private static JsonValue nullable(String text) {
    return text == null ? JsonValue.NULL : Json.createValue(text);
  }

  /** Reads a stored (or merged) document; members it lacks take their default. */
  static WidgetSettings read(JsonObject json) {
    JsonObject all = Json.createObjectBuilder(DEFAULT.toJson()).addAll(Json.createObjectBuilder(json)).build();
    List<String> countries = new ArrayList<>();
    all.getJsonArray("countries").forEach(code -> countries.add(((JsonString) code).getString()));
    return new WidgetSettings(texts(all.getJsonObject("launcher_label")), texts(all.getJsonObject("welcome_text")),
        all.getString("default_locale"), all.getString("position"), all.getInt("offset_x"), all.getInt("offset_y"),
        all.getString("theme_text_color", null), all.getString("launcher_color", null), all.getString("font"),
        all.getInt("corner_radius"), all.getBoolean("open_on_load"), all.getBoolean("hide_on_mobile"),
        all.getBoolean("hide_when_unavailable"), all.getBoolean("pause_new_conversations"), all.getString("collect_email"),
        List.copyOf(countries), all.getString("calendar_url", null));
  }

  private static Map<String, String> texts(JsonObject json) {
    Map<String, String> texts = new LinkedHashMap<>();
    json.forEach((locale, text) -> texts.put(locale, ((JsonString) text).getString()));
    return texts;
  }

  static WidgetSettings fromStored(String stored) {
    return stored == null ? DEFAULT : read(JsonText.readObject(stored));
  }

  /** Whether the launcher shows to a visitor in {@code country} (an ISO code from the proxy; null: unknown, shown). */
  public boolean showsIn(String country) {
    return countries.isEmpty() || country == null || country.isBlank()
        || countries.contains(country.trim().toUpperCase(Locale.ROOT));
  }
}
