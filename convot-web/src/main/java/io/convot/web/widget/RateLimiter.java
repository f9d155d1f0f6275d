package io.convot.web.widget;

import io.convot.ratelimit.Limit;
import io.convot.ratelimit.Usage;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of requests per key, in this server's memory: each server of a
 * cluster counts its own share, which is what a limit against floods needs. The widget's traffic
 * (every visitor of every app, polling while its socket is down) is the heaviest Convot serves,
 * and a database round trip per request would cost more than exact cluster-wide counts are worth.
 * The public help center's pages are limited the same way.
 */
public final class RateLimiter {

  private static final long WINDOW_MILLIS = 60_000;

  private final Clock clock;
  private volatile long windowStart;
  private volatile ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  public Usage take(Limit limit) {
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
    int used = counts.computeIfAbsent(limit.key(), k -> new AtomicInteger()).incrementAndGet();
    long reset = Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
    return new Usage(limit, used, reset);
  }
}
