package io.convot.web.json;

import io.convot.common.FieldError;
import io.convot.common.Validation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of a JSON object for partial updates, reporting wrong types as field errors. */
public final class JsonFields {

  private final JsonObject body;
  private final Validation validation;
  /** Where this object is in the request ({@code user}), so errors name the whole path. */
  private final String path;

  public JsonFields(JsonObject body, Validation validation) {
    this(body, validation, "");
  }

  private JsonFields(JsonObject body, Validation validation, String path) {
    this.body = body;
    this.validation = validation;
    this.path = path;
  }

  private String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The object these fields read. */
  public JsonObject json() {
    return body;
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  public Optional<String> string(String field) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    JsonValue value = body.get(field);
    if (value instanceof JsonString text) {
      return Optional.of(text.getString());
    }
    wrongType(field, "a string");
    return Optional.empty();
  }

  /** A string that may be set to {@code null} to clear it. */
  public String nullableString(String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return string(field).orElse(null);
  }

  public Optional<Boolean> bool(String field) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    JsonValue value = body.get(field);
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return Optional.of(value == JsonValue.TRUE);
    }
    wrongType(field, "true or false");
    return Optional.empty();
  }

  public Optional<List<String>> strings(String field) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    if (!(body.get(field) instanceof JsonArray array)) {
      wrongType(field, "an array of strings");
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString text) {
        values.add(text.getString());
      } else {
        validation.add(new FieldError(name(field) + "[" + i + "]", "wrong_type", "must be a string"));
      }
    }
    return Optional.of(values);
  }

  public Optional<JsonFields> object(String field) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    if (body.get(field) instanceof JsonObject object) {
      return Optional.of(new JsonFields(object, validation, name(field)));
    }
    wrongType(field, "an object");
    return Optional.empty();
  }

  /** A JSON object field, as JSON text. */
  public Optional<String> objectText(String field) {
    return object(field).map(ignored -> body.get(field).toString());
  }

  /**
   * A flat object of scalar values ({@code {"plan": "pro", "seats": 3}}), each value as JSON text,
   * keys lowercased; nested objects and arrays are field errors.
   */
  public java.util.Map<String, String> scalars(String field) {
    java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
    if (!body.containsKey(field)) {
      return entries;
    }
    if (!(body.get(field) instanceof JsonObject object)) {
      wrongType(field, "an object of strings, numbers or booleans");
      return entries;
    }
    object.forEach((key, value) -> {
      switch (value.getValueType()) {
        case STRING, NUMBER, TRUE, FALSE, NULL -> entries.put(key.trim().toLowerCase(java.util.Locale.ROOT), value.toString());
        default -> validation.add(new FieldError(name(field) + "." + key, "wrong_type", "must be a string, number or boolean"));
      }
    });
    return entries;
  }

  /** Fields this request does not know are refused, so a typo never passes silently. */
  public JsonFields onlyKnown(String... known) {
    java.util.Set<String> allowed = java.util.Set.of(known);
    body.keySet().stream().filter(key -> !allowed.contains(key)).sorted()
        .forEach(key -> validation.add(new FieldError(name(key), "unknown_field", name(key) + " is not a field of this request")));
    return this;
  }

  private void wrongType(String field, String expected) {
    validation.add(new FieldError(name(field), "wrong_type", name(field) + " must be " + expected));
  }
}
