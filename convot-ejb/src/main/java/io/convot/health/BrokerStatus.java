package io.convot.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;

/**
 * What this server last learnt about the broker. Once a readiness check or a send found it
 * unreachable, sends fail at once for ten seconds instead of each waiting out the reconnection
 * timeouts: a request during an outage gets its 503 quickly. Any later success clears it.
 */
@ApplicationScoped
public class BrokerStatus {

  private static final long REMEMBER_NANOS = Duration.ofSeconds(10).toNanos();

  private volatile long unreachableSince = -1;

  public void reachable() {
    unreachableSince = -1;
  }

  public void unreachable() {
    unreachableSince = System.nanoTime();
  }

  /**
   * Runs a send unless the broker was found unreachable moments ago (then it throws at once), and
   * remembers when the send itself finds the broker unreachable. A send that fails once is tried
   * again: after the broker comes back, the pool may still hand out a connection to the broker that
   * went away, and the failure retires it.
   */
  public void send(Runnable send) {
    requireReachable();
    try {
      send.run();
    } catch (JMSRuntimeException stale) {
      try {
        send.run();
      } catch (JMSRuntimeException e) {
        unreachable();
        throw e;
      }
    }
  }

  private void requireReachable() {
    long since = unreachableSince;
    if (since >= 0 && System.nanoTime() - since < REMEMBER_NANOS) {
      throw new JMSRuntimeException("The message broker was unreachable moments ago");
    }
  }
}
