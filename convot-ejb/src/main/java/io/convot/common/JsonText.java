package io.convot.common;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;

/** JSON as clients see it: snake_case keys, nulls written out, ISO-8601 instants. */
public final class JsonText {

  public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
      .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
      .withNullValues(true));

  private JsonText() {}

  public static String write(Object value) {
    return JSONB.toJson(value);
  }

  public static JsonValue read(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static JsonObject readObject(String text) {
    return text == null ? null : read(text).asJsonObject();
  }
}
