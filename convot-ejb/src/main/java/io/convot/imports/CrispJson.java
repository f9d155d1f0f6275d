package io.convot.imports;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Reading Crisp's JSON leniently: a missing or mistyped member is absent, never a failed import. */
final class CrispJson {

  private CrispJson() {}

  static JsonObject object(JsonObject json, String name) {
    return json != null && json.get(name) instanceof JsonObject value ? value : null;
  }

  static String text(JsonObject json, String name) {
    if (json == null) {
      return null;
    }
    JsonValue value = json.get(name);
    if (value instanceof JsonString string) {
      String text = string.getString().strip();
      return text.isEmpty() ? null : text;
    }
    return value instanceof JsonNumber number ? number.toString() : null;
  }

  static long number(JsonObject json, String name) {
    return json != null && json.get(name) instanceof JsonNumber number ? number.longValue() : 0L;
  }

  static List<String> texts(JsonObject json, String name) {
    if (json == null || !(json.get(name) instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString().strip())
        .filter(value -> !value.isEmpty()).toList();
  }

  /** At most {@code max} characters (code points kept whole), or null. */
  static String cut(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
