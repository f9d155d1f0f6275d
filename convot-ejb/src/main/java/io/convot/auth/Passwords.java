package io.convot.auth;

import io.convot.common.Validation;

/** What a password must be: long enough to resist guessing, short enough to hash quickly. */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  private Passwords() {}

  public static void check(String password, Validation validation) {
    if (password == null || password.isEmpty()) {
      validation.require(false, "password", "required", "password is required");
    } else {
      validation.require(password.length() >= MIN_LENGTH, "password", "too_weak",
          "password must be at least " + MIN_LENGTH + " characters");
      validation.require(password.length() <= MAX_LENGTH, "password", "too_long",
          "password must be at most " + MAX_LENGTH + " characters");
      validation.require(password.isEmpty() || !password.isBlank(), "password", "too_weak", "password cannot be only spaces");
    }
  }
}
