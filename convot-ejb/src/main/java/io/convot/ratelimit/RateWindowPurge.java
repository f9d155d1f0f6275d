package io.convot.ratelimit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Deletes ended windows every ten minutes. Every server does it; a second delete of the same rows
 * finds nothing, so no cluster lock is needed.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateWindowPurge {

  private static final Logger LOG = Logger.getLogger(RateWindowPurge.class.getName());

  @Inject RateWindows windows;

  @Schedule(hour = "*", minute = "*/10", second = "40", persistent = false)
  public void purge() {
    try {
      int deleted = windows.purge();
      LOG.fine(() -> "Purged " + deleted + " ended rate-limit windows");
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not purge rate-limit windows (the next run tries again): " + e);
    }
  }
}
