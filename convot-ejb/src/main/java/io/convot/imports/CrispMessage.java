package io.convot.imports;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A Crisp message and what it becomes: text is a message, a {@code note} a private note, and every
 * other type (file, animation, audio, picker, field, carousel, event...) a readable line such as
 * {@code [file] invoice.pdf}, so nothing is lost.
 */
record CrispMessage(long fingerprint, String type, boolean fromOperator, JsonValue content, long timestamp, String author) {

  static final int MAX_TEXT = 10_000;

  static CrispMessage of(JsonObject json) {
    String type = CrispJson.text(json, "type");
    return new CrispMessage(CrispJson.number(json, "fingerprint"), type == null ? "text" : type,
        "operator".equals(CrispJson.text(json, "from")), json.getOrDefault("content", JsonValue.NULL),
        CrispJson.number(json, "timestamp"), CrispJson.text(CrispJson.object(json, "user"), "nickname"));
  }

  /** Notes stay with the team; Crisp writes them as the operator. */
  boolean isNote() {
    return "note".equals(type);
  }

  boolean fromAgent() {
    return fromOperator || isNote();
  }

  /** The message's text, or null for an empty one (nothing to keep). */
  String text() {
    String text = switch (type) {
      case "text", "note" -> string(content);
      case "file" -> field("name") != null ? field("name") : field("url");
      case "animation", "audio" -> labelled(field("url"), null);
      case "picker" -> labelled(field("text"), choices());
      case "field" -> labelled(field("text"), field("value"));
      case "carousel" -> labelled(field("text"), null);
      case "event" -> labelled(field("text"), field("namespace"));
      default -> labelled(string(content), null);
    };
    boolean plain = "text".equals(type) || "note".equals(type);
    String line = plain ? text : "[" + type.replaceAll("[^A-Za-z0-9_-]", "") + "]" + (text == null ? "" : " " + text);
    return CrispJson.cut(line, MAX_TEXT);
  }

  String sourceKey() {
    return Long.toString(fingerprint);
  }

  private String field(String name) {
    return content instanceof JsonObject object ? CrispJson.text(object, name) : null;
  }

  private String choices() {
    if (!(content instanceof JsonObject object) || !(object.get("choices") instanceof JsonArray array)) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    for (JsonValue choice : array) {
      if (choice instanceof JsonObject option) {
        String label = CrispJson.text(option, "label");
        if (label != null) {
          labels.add(option.getBoolean("selected", false) ? label + " (chosen)" : label);
        }
      }
    }
    return labels.isEmpty() ? null : String.join(", ", labels);
  }

  private static String labelled(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + ": " + second;
  }

  private static String string(JsonValue value) {
    if (value instanceof JsonString string) {
      String text = string.getString();
      return text.isBlank() ? null : text;
    }
    return value == null || value == JsonValue.NULL ? null : value.toString();
  }
}
