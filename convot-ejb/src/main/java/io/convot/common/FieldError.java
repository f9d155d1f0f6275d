package io.convot.common;

/** One invalid field: {@code field} is the JSON path (e.g. {@code allowed_origins[1]}). */
public record FieldError(String field, String code, String message) {}
