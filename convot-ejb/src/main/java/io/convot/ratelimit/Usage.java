package io.convot.ratelimit;

import java.util.Collection;
import java.util.Comparator;

/**
 * One limit's state after a request: its hits in the current window and the whole seconds until
 * that window ends. What clients are told ({@code RateLimit-*}) comes from here.
 */
public record Usage(Limit limit, int hits, long resetSeconds) {

  public boolean exceeded() {
    return hits > limit.max();
  }

  /** Whether one more hit would go past the limit (a check that does not count). */
  public boolean exhausted() {
    return hits >= limit.max();
  }

  public int remaining() {
    return Math.max(0, limit.max() - hits);
  }

  /**
   * The usage a client should hear about: an exceeded limit (the one that frees up last), else the
   * one with the fewest requests left.
   */
  public static Usage tightest(Collection<Usage> usages) {
    return usages.stream()
        .max(Comparator.comparing(Usage::exceeded)
            .thenComparing(Comparator.comparingInt(Usage::remaining).reversed())
            .thenComparingLong(Usage::resetSeconds))
        .orElseThrow();
  }
}
