package io.convot.common;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Now, at the precision PostgreSQL stores, so that a keyset cursor matches the stored row exactly;
 * and the range of times Convot accepts from clients.
 */
public final class Timestamps {

  /**
   * The earliest and latest times a client may send: four-digit years, as RFC 3339 writes them.
   * PostgreSQL stores more (4713 BC to 294276 AD) but Java parses far more still ({@code +999999999}),
   * and no message, contact or delivery is dated outside these years.
   */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Timestamps() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A time as a native query returns it (the driver's {@code Timestamp} or {@code OffsetDateTime},
   * or an {@code Instant}); {@code null} stays {@code null}.
   */
  public static Instant of(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Not a time: " + value.getClass());
  }

  /** How long from now until {@code at}: none when it has no time or its time has come. */
  public static Duration delayUntil(Instant at) {
    Instant now = now();
    return at == null || !at.isAfter(now) ? Duration.ZERO : Duration.between(now, at);
  }

  /** Whether a time is one Convot accepts: between {@link #EARLIEST} and {@link #LATEST}. */
  public static boolean isAccepted(Instant time) {
    return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
  }
}
