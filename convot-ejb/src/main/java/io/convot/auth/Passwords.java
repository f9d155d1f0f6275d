package io.convot.auth;

import io.convot.common.Validation;

/** What a password must be: long enough to resist guessing, short enough to hash quickly. */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  private Passwords() {}

  public static void check(String password, Validation validation) {
    check(password, "password", validation);
  }

  /** The same rule for a password sent in {@code field} (a password change's {@code new_password}). */
  public static void check(String password, String field, Validation validation) {
    if (password == null || password.isEmpty()) {
      validation.require(false, field, "required", field + " is required");
    } else {
      validation.require(password.length() >= MIN_LENGTH, field, "too_weak",
          field + " must be at least " + MIN_LENGTH + " characters");
      validation.require(password.length() <= MAX_LENGTH, field, "too_long",
          field + " must be at most " + MAX_LENGTH + " characters");
      validation.require(password.isEmpty() || !password.isBlank(), field, "too_weak", field + " cannot be only spaces");
    }
  }
}
