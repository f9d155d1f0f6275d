package io.convot.report;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Durations in seconds (with a fraction): PostgreSQL's {@code percentile_cont(0.5)} and
 * {@code percentile_cont(0.9)}, null when there are none, and how many there are. The 90th
 * percentile's name is given (the naming strategy would write {@code p90seconds}), and then its
 * null must be asked for.
 */
public record Timing(Double medianSeconds, @JsonbProperty(value = "p90_seconds", nillable = true) Double p90Seconds, long count) {

  public static final Timing NONE = new Timing(null, null, 0);
}
