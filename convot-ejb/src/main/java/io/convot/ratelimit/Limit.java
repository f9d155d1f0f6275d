package io.convot.ratelimit;

/** At most {@code max} hits on {@code key} in one window. */
public record Limit(String key, int max) {

  public Limit {
    if (key == null || key.isEmpty() || key.length() > 200) {
      throw new IllegalArgumentException("a rate-limit key is 1 to 200 characters");
    }
  }
}
