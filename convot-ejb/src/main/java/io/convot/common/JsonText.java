package io.convot.common;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
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

  /**
   * One JSON-P provider for every read: {@code Json.createReader} looks the provider up anew on
   * each call, a service lookup that costs more than parsing a small object.
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonText() {}

  public static String write(Object value) {
    return JSONB.toJson(value);
  }

  public static JsonValue read(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static JsonObject readObject(String text) {
    return text == null ? null : read(text).asJsonObject();
  }
}
