package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

  /** A jitter source whose every draw is the given value in [0, 1). */
  private static Random drawing(double value) {
    return new Random() {
      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  private static final Random NO_JITTER = drawing(0.5);

  @Test
  void defaultIsTheContractsTwelveAttempts() {
    RetrySchedule schedule = RetrySchedule.DEFAULT;

    assertEquals(12, schedule.maxAttempts());
    assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
        Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
        Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(18), Duration.ofHours(24)), schedule.delays());
    Duration total = schedule.delays().stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(total.toHours() >= 64 && total.toHours() <= 66, total::toString);
  }

  @Test
  void firstAttemptGoesOutAtOnceWhateverTheJitter() {
    assertEquals(Optional.of(Duration.ZERO), RetrySchedule.DEFAULT.delayBefore(1, drawing(0.99)));
  }

  @Test
  void laterAttemptsWaitTheirEntry() {
    assertEquals(Optional.of(Duration.ofSeconds(5)), RetrySchedule.DEFAULT.delayBefore(2, NO_JITTER));
    assertEquals(Optional.of(Duration.ofMinutes(2)), RetrySchedule.DEFAULT.delayBefore(4, NO_JITTER));
    assertEquals(Optional.of(Duration.ofHours(24)), RetrySchedule.DEFAULT.delayBefore(12, NO_JITTER));
  }

  @Test
  void jitterStaysWithinTenPercent() {
    assertEquals(Optional.of(Duration.ofSeconds(27)), RetrySchedule.DEFAULT.delayBefore(3, drawing(0.0)));
    assertEquals(Optional.of(Duration.ofMillis(32_994)), RetrySchedule.DEFAULT.delayBefore(3, drawing(0.999)));
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      long millis = RetrySchedule.DEFAULT.delayBefore(12, random).orElseThrow().toMillis();
      assertTrue(millis >= 77_760_000 && millis <= 95_040_000, () -> millis + " ms");
    }
  }

  @Test
  void noAttemptAfterTheLast() {
    assertEquals(Optional.empty(), RetrySchedule.DEFAULT.delayBefore(13, NO_JITTER));
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.DEFAULT.delayBefore(0, NO_JITTER));
  }

  @Test
  void acceptsShortAndIsoDurations() {
    RetrySchedule schedule = RetrySchedule.parse(" 0s, 500ms ,PT5S,2M,1h, P1D,pt1m30s ");

    assertEquals(7, schedule.maxAttempts());
    assertEquals(List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(2),
        Duration.ofHours(1), Duration.ofDays(1), Duration.ofSeconds(90)), schedule.delays());
  }

  @Test
  void aSingleAttemptIsASchedule() {
    RetrySchedule once = RetrySchedule.parse("PT0S");

    assertEquals(1, once.maxAttempts());
    assertEquals(Optional.empty(), once.delayBefore(2, NO_JITTER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "5s,30s", "0s,,5s", "0s,5", "0s,-5s", "0s,PT-5S", "0s,5 s", "0s,5sec",
      "0s,1w", "0s,8d", "0s,P30D", "0s,soon"})
  void refusesBadSchedulesWithAClearMessage(String text) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(text));

    assertTrue(refused.getMessage().length() > 20, refused.getMessage());
  }

  @Test
  void namesTheBadEntry() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("0s,5s,half an hour"));

    assertTrue(refused.getMessage().contains("'half an hour'"), refused.getMessage());
  }

  @Test
  void retryAfterDelaysButNeverAdvancesTheNextAttempt() {
    RetrySchedule schedule = RetrySchedule.DEFAULT;

    assertEquals(Duration.ofMinutes(5), schedule.honouringRetryAfter(Duration.ofSeconds(30), Duration.ofMinutes(5)));
    assertEquals(Duration.ofMinutes(2), schedule.honouringRetryAfter(Duration.ofMinutes(2), Duration.ofSeconds(10)));
    assertEquals(Duration.ofMinutes(2), schedule.honouringRetryAfter(Duration.ofMinutes(2), null));
    assertEquals(Duration.ofMinutes(2), schedule.honouringRetryAfter(Duration.ofMinutes(2), Duration.ofSeconds(-1)));
  }

  @Test
  void retryAfterIsCappedAtADay() {
    assertEquals(Duration.ofHours(24),
        RetrySchedule.DEFAULT.honouringRetryAfter(Duration.ofSeconds(5), Duration.ofDays(30)));
  }
}
