package io.convot.web;

import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import io.convot.common.Validation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Typed reads of list filters from query parameters, reporting unusable values as field errors. */
public final class QueryFilters {

  private final Validation validation = new Validation();

  public UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      validation.add(new FieldError(name, "invalid_id", name + " must be an id"));
      return null;
    }
  }

  public Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant time;
    try {
      time = Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      validation.add(new FieldError(name, "invalid_timestamp", name + " must be an ISO-8601 UTC time such as 2026-11-21T10:15:30Z"));
      return null;
    }
    if (!Timestamps.isAccepted(time)) {
      validation.add(new FieldError(name, "out_of_range", name + " must be between " + Timestamps.EARLIEST + " and " + Timestamps.LATEST));
      return null;
    }
    return time;
  }

  public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      validation.add(new FieldError(name, "invalid_value", name + " is not one of the accepted values"));
      return null;
    }
  }

  public Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        validation.add(new FieldError(name, "invalid_value", name + " must be true or false"));
        yield null;
      }
    };
  }

  public String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Throws the collected errors as one 422 problem. */
  public void check() {
    validation.throwIfInvalid();
  }
}
