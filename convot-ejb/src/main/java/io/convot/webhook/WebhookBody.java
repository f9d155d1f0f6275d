package io.convot.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a delivery POSTs: the event's envelope as stored, or, when that is over
 * {@value #MAX_BYTES} bytes, a compact envelope that receivers can still act on: the same
 * {@code id}, {@code type}, {@code created_at}, {@code organization_id} and {@code app_id},
 * {@code "truncated": true}, and every object in {@code data} reduced to its {@code id}.
 */
final class WebhookBody {

  /** The contract's limit: payloads stay under 256 KB. */
  static final int MAX_BYTES = 256 * 1024;

  private WebhookBody() {}

  static String of(String envelope) {
    // A UTF-8 character is at most 3 bytes per UTF-16 unit: most envelopes need no counting.
    if (envelope.length() * 3L <= MAX_BYTES || envelope.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return envelope;
    }
    JsonObject full = Json.createReader(new StringReader(envelope)).readObject();
    JsonObjectBuilder compact = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> member : full.entrySet()) {
      if (!member.getKey().equals("data")) {
        compact.add(member.getKey(), member.getValue());
      }
    }
    compact.add("truncated", true);
    JsonObjectBuilder data = Json.createObjectBuilder();
    if (full.get("data") instanceof JsonObject objects) {
      objects.forEach((name, value) -> data.add(name, idOnly(value)));
    }
    return compact.add("data", data).build().toString();
  }

  /** An object keeps its id alone; an array, which could be as large, is left out as empty. */
  private static JsonValue idOnly(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        JsonValue id = value.asJsonObject().get("id");
        yield id == null ? JsonValue.EMPTY_JSON_OBJECT : Json.createObjectBuilder().add("id", id).build();
      }
      case ARRAY -> JsonValue.EMPTY_JSON_ARRAY;
      case STRING -> value.toString().length() > 1024 ? JsonValue.NULL : value;
      default -> value;
    };
  }
}
