package io.convot.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so that a request reports all of them at once, then throws. */
public final class Validation {

  private final List<FieldError> errors = new ArrayList<>();

  public Validation require(boolean valid, String field, String code, String message) {
    if (!valid) {
      errors.add(new FieldError(field, code, message));
    }
    return this;
  }

  /** A required text of at most {@code max} characters, blank counting as missing. */
  public Validation text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "required", field + " is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "too_long", field + " must be at most " + max + " characters"));
    }
    return this;
  }

  public Validation email(String value, String field) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "required", field + " is required"));
    } else if (!Emails.isValid(value)) {
      errors.add(new FieldError(field, "invalid_email", field + " is not an email address"));
    }
    return this;
  }

  public void add(FieldError error) {
    errors.add(error);
  }

  /** How many field errors were found so far (a check can tell whether it added any). */
  public int size() {
    return errors.size();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", errors);
    }
  }
}
