package io.convot.ratelimit;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Hit counters for the REST API's limits, counted in this server's memory and added to the shared
 * counts in PostgreSQL ({@link RateWindows}) once a second, in one statement for every key hit
 * since: a request costs no database round trip. Each server learns the others' hits from what
 * the shared count is after its own addition, so a limit holds for the whole cluster with at most
 * a second's slack: the hits other servers made in the second before this server's last addition,
 * and its own since, which it counts itself.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BufferedRateWindows {

  private static final Logger LOG = Logger.getLogger(BufferedRateWindows.class.getName());

  private final Clock clock = Clock.systemUTC();
  private final ConcurrentHashMap<String, LocalWindow> windows = new ConcurrentHashMap<>();
  private final AtomicBoolean flushing = new AtomicBoolean();

  @Inject RateWindows shared;

  /**
   * Counts one hit on every limit's key and returns each limit's usage: the shared count this
   * server last learned plus the hits it has not added yet.
   */
  public List<Usage> hit(Duration window, Collection<Limit> limits) {
    long now = clock.millis();
    List<Usage> usages = new ArrayList<>(limits.size());
    for (Limit limit : limits) {
      // compute, not computeIfAbsent and then hit: an idle window the flush removes meanwhile would lose the hit.
      windows.compute(limit.key(), (key, local) -> {
        LocalWindow counted = local == null ? new LocalWindow(window) : local;
        usages.add(counted.hit(limit, now));
        return counted;
      });
    }
    return usages;
  }

  /** Adds every key's new hits to the shared counts and learns what those are now. */
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void flush() {
    // A flush that outlasts a second is not overlapped by the next: that one is skipped.
    if (!flushing.compareAndSet(false, true)) {
      return;
    }
    try {
      add(clock.millis());
    } finally {
      flushing.set(false);
    }
  }

  private void add(long now) {
    windows.keySet().forEach(key -> windows.computeIfPresent(key, (k, local) -> local.idle(now) ? null : local));
    Map<Duration, Map<String, Integer>> taken = new HashMap<>();
    windows.forEach((key, local) -> {
      int hits = local.take();
      if (hits > 0) {
        taken.computeIfAbsent(local.length(), length -> new HashMap<>()).put(key, hits);
      }
    });
    taken.forEach((length, hits) -> {
      try {
        shared.add(length, hits).forEach((key, state) -> {
          LocalWindow local = windows.get(key);
          if (local != null) {
            local.learned(state.hits(), now + state.remainingMillis());
          }
        });
      } catch (RuntimeException e) {
        // Kept for the next second: the limits hold on this server's own count meanwhile.
        hits.forEach((key, count) -> {
          LocalWindow local = windows.get(key);
          if (local != null) {
            local.notAdded(count);
          }
        });
        LOG.warning(() -> "Could not add " + hits.size() + " rate-limit counts to the shared ones (retried in a second): " + e);
      }
    });
  }

  /** One key's window as this server sees it. */
  private static final class LocalWindow {
    private final Duration length;
    private long endMillis;
    private int sharedHits;
    private int adding;
    private int pending;

    LocalWindow(Duration length) {
      this.length = length;
    }

    Duration length() {
      return length;
    }

    synchronized Usage hit(Limit limit, long now) {
      if (now >= endMillis) {
        // A new window, by this server's clock until the shared count says when it ends.
        endMillis = now + length.toMillis();
        sharedHits = 0;
        pending = 0;
      }
      pending++;
      return new Usage(limit, sharedHits + adding + pending, Math.max(1, (endMillis - now + 999) / 1000));
    }

    synchronized int take() {
      adding += pending;
      pending = 0;
      return adding;
    }

    synchronized void learned(int hits, long end) {
      sharedHits = hits;
      endMillis = end;
      adding = 0;
    }

    synchronized void notAdded(int hits) {
      pending += hits;
      adding = 0;
    }

    synchronized boolean idle(long now) {
      return now >= endMillis && pending == 0 && adding == 0;
    }
  }
}
