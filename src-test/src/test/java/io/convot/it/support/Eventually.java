package io.convot.it.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a probe until its value satisfies a condition, failing at the deadline. */
public final class Eventually {

  private static final long PAUSE_NANOS = Duration.ofMillis(100).toNanos();

  private Eventually() {}

  public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + value);
      }
      LockSupport.parkNanos(PAUSE_NANOS);
      value = probe.get();
    }
    return value;
  }
}
