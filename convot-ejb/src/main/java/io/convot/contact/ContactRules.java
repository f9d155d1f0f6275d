package io.convot.contact;

import io.convot.common.FieldError;
import io.convot.common.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The limits on what visitors and agents may store on a contact. */
public final class ContactRules {

  public static final int MAX_DATA_KEYS = 100;
  public static final int MAX_SEGMENTS = 50;
  private static final Pattern DATA_KEY = Pattern.compile("^[a-z0-9_.:-]{1,100}$");
  private static final Pattern SEGMENT = Pattern.compile("^[\\p{L}\\p{N} _.:-]{1,100}$");

  private ContactRules() {}

  /** Keys are lowercased (as Crisp does); values are JSON text of at most 2,000 characters. */
  public static void checkData(Map<String, String> entries, String field, Validation validation) {
    validation.require(entries.size() <= MAX_DATA_KEYS, field, "too_many", "at most " + MAX_DATA_KEYS + " keys at once");
    entries.forEach((key, json) -> {
      validation.require(DATA_KEY.matcher(key).matches(), field + "." + key, "invalid_key",
          "keys are 1-100 characters of a-z, 0-9, _ . : -");
      validation.require(json.length() <= 2000, field + "." + key, "too_long", "a value is at most 2000 characters");
    });
  }

  public static List<String> normalizeSegments(List<String> values, String field, Validation validation) {
    validation.require(values.size() <= MAX_SEGMENTS, field, "too_many", "at most " + MAX_SEGMENTS + " segments");
    List<String> segments = values.stream().map(value -> value.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    for (int i = 0; i < segments.size(); i++) {
      if (!SEGMENT.matcher(segments.get(i)).matches()) {
        validation.add(new FieldError(field + "[" + i + "]", "invalid_segment", "a segment is 1-100 letters, digits, spaces or _ . : -"));
      }
    }
    return segments;
  }

  public static void checkProfile(Profile profile, String prefix, Validation validation) {
    profile.nickname().ifPresent(value -> validation.require(value.length() <= 200, prefix + "nickname", "too_long", "at most 200 characters"));
    profile.avatar().ifPresent(value -> validation.require(value.length() <= 2000 && value.matches("^https?://\\S+$"),
        prefix + "avatar", "invalid_url", "an http(s) URL of at most 2000 characters"));
    profile.phone().ifPresent(value -> validation.require(value.length() <= 50, prefix + "phone", "too_long", "at most 50 characters"));
    profile.company().ifPresent(value -> validation.require(value.length() <= 4000, prefix + "company", "too_long", "at most 4000 characters of JSON"));
  }
}
