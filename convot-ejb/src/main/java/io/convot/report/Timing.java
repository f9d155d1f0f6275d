package io.convot.report;

/**
 * Durations in seconds (with a fraction): PostgreSQL's {@code percentile_cont(0.5)} and
 * {@code percentile_cont(0.9)}, null when there are none, and how many there are.
 */
public record Timing(Double medianSeconds, Double p90Seconds, long count) {

  public static final Timing NONE = new Timing(null, null, 0);
}
