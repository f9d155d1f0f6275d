package io.convot.web.json;

import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a JSON object against the record a request body binds to before JSON-B binds it: a member
 * the record does not have is an {@code unknown_field}, a value of the wrong JSON type a
 * {@code wrong_type}, an unreadable id or time {@code invalid_id} / {@code invalid_timestamp}, a time
 * outside the accepted years {@code out_of_range}, each with its JSON path. So binding itself never
 * fails on a client's mistake, and every mistake in a body is reported at once. What binding cannot
 * see (a member left out or given as null, nested data) the record says with {@link Given},
 * {@link NotNullable}, {@link Clearable} and {@link Scalars}.
 */
final class RecordShape {

  private RecordShape() {}

  static void check(JsonObject body, Class<?> record, String path, List<FieldError> errors) {
    Map<String, RecordComponent> components = new java.util.HashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      components.put(jsonName(component), component);
    }
    body.forEach((key, value) -> {
      String field = path.isEmpty() ? key : path + "." + key;
      RecordComponent component = components.get(key);
      if (component == null) {
        errors.add(new FieldError(field, "unknown_field", field + " is not a field of this request"));
      } else if (value.getValueType() == JsonValue.ValueType.NULL && component.isAnnotationPresent(NotNullable.class)) {
        errors.add(new FieldError(field, "wrong_type", field + " must not be null"));
      } else {
        Clearable clearable = component.getAnnotation(Clearable.class);
        value(value, clearable == null ? component.getGenericType() : clearable.value(), field, errors);
        if (component.isAnnotationPresent(Scalars.class) && value.getValueType() == JsonValue.ValueType.OBJECT) {
          scalars(value.asJsonObject(), field, errors);
        }
      }
    });
    components.forEach((key, component) -> {
      Given given = component.getAnnotation(Given.class);
      if (given != null && !body.containsKey(key)) {
        String field = path.isEmpty() ? key : path + "." + key;
        errors.add(new FieldError(field, "required", field + " " + given.value()));
      }
    });
  }

  private static void value(JsonValue value, Type type, String field, List<FieldError> errors) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return; // null is "absent" or "clear"; whether that is allowed is the record's constraints' business
    }
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      value(value, argument(type, 0), field, errors);
    } else if (raw == String.class) {
      expect(value instanceof JsonString, field, "a string", errors);
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(value == JsonValue.TRUE || value == JsonValue.FALSE, field, "true or false", errors);
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      expect(value instanceof jakarta.json.JsonNumber number && number.isIntegral()
          && number.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0,
          field, "a whole number", errors);
    } else if (raw == UUID.class) {
      if (expect(value instanceof JsonString, field, "an id", errors) && !isUuid(((JsonString) value).getString())) {
        errors.add(new FieldError(field, "invalid_id", field + " must be an id"));
      }
    } else if (raw == Instant.class) {
      if (expect(value instanceof JsonString, field, "an ISO-8601 UTC time", errors)) {
        time(((JsonString) value).getString(), field, errors);
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (expect(value.getValueType() == JsonValue.ValueType.ARRAY, field, "an array", errors)) {
        Type element = argument(type, 0);
        var array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          JsonValue item = array.get(i);
          if (item.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new FieldError(field + "[" + i + "]", "wrong_type", field + "[" + i + "] must not be null"));
          } else {
            value(item, element, field + "[" + i + "]", errors);
          }
        }
      }
    } else if (raw.isRecord()) {
      if (expect(value.getValueType() == JsonValue.ValueType.OBJECT, field, "an object", errors)) {
        check(value.asJsonObject(), raw, field, errors);
      }
    } else if (Map.class.isAssignableFrom(raw) || raw == JsonObject.class) {
      expect(value.getValueType() == JsonValue.ValueType.OBJECT, field, "an object", errors);
    }
    // JsonValue and anything else: whatever the client sent is the value.
  }

  private static void scalars(JsonObject entries, String field, List<FieldError> errors) {
    entries.forEach((key, entry) -> {
      if (entry.getValueType() == JsonValue.ValueType.OBJECT || entry.getValueType() == JsonValue.ValueType.ARRAY) {
        errors.add(new FieldError(field + "." + key, "wrong_type", field + "." + key + " must be a string, number or boolean"));
      }
    });
  }

  private static boolean expect(boolean ok, String field, String what, List<FieldError> errors) {
    if (!ok) {
      errors.add(new FieldError(field, "wrong_type", field + " must be " + what));
    }
    return ok;
  }

  private static void time(String text, String field, List<FieldError> errors) {
    try {
      if (!Timestamps.isAccepted(Instant.parse(text.trim()))) {
        errors.add(new FieldError(field, "out_of_range", field + " must be between " + Timestamps.EARLIEST + " and " + Timestamps.LATEST));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "invalid_timestamp", field + " must be an ISO-8601 UTC time such as 2026-11-21T10:15:30Z"));
    }
  }

  private static boolean isUuid(String text) {
    try {
      UUID.fromString(text.trim());
      return text.trim().length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The member name JSON-B gives a component: its {@code @JsonbProperty}, else snake_case. */
  static String jsonName(RecordComponent component) {
    JsonbProperty named = component.getAccessor().getAnnotation(JsonbProperty.class);
    if (named == null) {
      try {
        named = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
      } catch (NoSuchFieldException e) {
        named = null;
      }
    }
    if (named != null && !named.value().isEmpty()) {
      return named.value();
    }
    return snakeCase(component.getName());
  }

  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : Object.class;
  }
}
