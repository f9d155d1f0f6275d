package io.convot.web.widget;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of requests per key, in this server's memory: each server of a
 * cluster counts its own share, which is what a limit against floods needs.
 */
final class RateLimiter {

  /** The outcome for one request: whether it may proceed, and what the client is told. */
  record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

  private static final long WINDOW_MILLIS = 60_000;

  private final Clock clock;
  private volatile long windowStart;
  private volatile ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  RateLimiter(Clock clock) {
    this.clock = clock;
  }

  Decision take(String key, int limit) {
    long now = clock.millis();
    long start = now - now % WINDOW_MILLIS;
    if (start != windowStart) {
      synchronized (this) {
        if (start != windowStart) {
          counts = new ConcurrentHashMap<>(); // the previous window's keys are dropped with it
          windowStart = start;
        }
      }
    }
    int used = counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    long reset = Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
    return new Decision(used <= limit, limit, Math.max(0, limit - used), reset);
  }
}
