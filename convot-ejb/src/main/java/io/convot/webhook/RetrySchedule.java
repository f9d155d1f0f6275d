package io.convot.webhook;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each attempt of a delivery happens: entry {@code n} is the wait between attempt {@code n-1}
 * failing and attempt {@code n}. The first entry is always zero (the first attempt goes out at
 * once), so the number of entries is the number of attempts.
 */
public final class RetrySchedule {

  /** However long a receiver asks us to wait, we try again within a day. */
  public static final Duration RETRY_AFTER_CAP = Duration.ofHours(24);

  /** Longer waits are more likely a typo than a plan, and would outlive the 30-day delivery log. */
  private static final Duration MAX_DELAY = Duration.ofDays(7);

  /** Spreads retries of many deliveries that failed together, so they do not return together. */
  private static final double JITTER = 0.10;

  private static final Pattern SHORT_FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  /** The contract's schedule: 12 attempts over about 66 hours. */
  public static final String DEFAULT_SPEC = "0s,5s,30s,2m,10m,30m,1h,3h,6h,12h,18h,24h";
  // After the constants that parse() uses: static fields initialize in order.
  public static final RetrySchedule DEFAULT = parse(DEFAULT_SPEC);

  private final List<Duration> delays;

  private RetrySchedule(List<Duration> delays) {
    this.delays = List.copyOf(delays);
  }

  /**
   * Comma-separated durations, each {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}
   * or ISO-8601 ({@code PT5S}); the first must be zero.
   */
  public static RetrySchedule parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      throw new IllegalArgumentException("A retry schedule needs at least one duration, e.g. " + DEFAULT_SPEC);
    }
    List<Duration> delays = new ArrayList<>();
    for (String entry : commaSeparated.split(",", -1)) {
      Duration delay = duration(entry.trim());
      if (delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("A retry delay is at most 7d, got '" + entry.trim() + "'");
      }
      delays.add(delay);
    }
    if (!delays.get(0).isZero()) {
      throw new IllegalArgumentException(
          "A retry schedule starts with 0s: the first attempt goes out at once, got " + commaSeparated);
    }
    return new RetrySchedule(delays);
  }

  /** A duration as operators write them: {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code 500ms} or ISO-8601. */
  public static Duration duration(String text) {
    Matcher shortForm = SHORT_FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      Duration iso = Duration.parse(text);
      if (!iso.isNegative()) {
        return iso;
      }
    } catch (DateTimeParseException e) {
      // reported below with the accepted forms
    }
    throw new IllegalArgumentException("Not a duration: '" + text
        + "' (use a non-negative duration such as 5s, 2m, 1h, 1d or PT5S)");
  }

  public int maxAttempts() {
    return delays.size();
  }

  /**
   * How long to wait before attempt {@code attemptNumber} (counted from 1), with ±10 % jitter
   * drawn from {@code jitterSource} (pass {@code ThreadLocalRandom.current()}); empty when the
   * schedule has no such attempt, meaning the delivery has failed for good.
   */
  public Optional<Duration> delayBefore(int attemptNumber, Random jitterSource) {
    if (attemptNumber < 1) {
      throw new IllegalArgumentException("Attempts are counted from 1, got " + attemptNumber);
    }
    if (attemptNumber > delays.size()) {
      return Optional.empty();
    }
    Duration delay = delays.get(attemptNumber - 1);
    double factor = 1 + JITTER * (2 * jitterSource.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.round(delay.toMillis() * factor)));
  }

  /**
   * The wait to use when a 429 or 503 carried {@code Retry-After} (null when it did not): never
   * sooner than the receiver asked, never sooner than scheduled, and the receiver's wish never
   * reaches past {@link #RETRY_AFTER_CAP}.
   */
  public Duration honouringRetryAfter(Duration scheduled, Duration retryAfter) {
    if (retryAfter == null || retryAfter.isNegative()) {
      return scheduled;
    }
    Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
    return asked.compareTo(scheduled) > 0 ? asked : scheduled;
  }

  /** The schedule without jitter, for display and logs. */
  public List<Duration> delays() {
    return delays;
  }

  @Override
  public String toString() {
    return "RetrySchedule" + delays;
  }
}
