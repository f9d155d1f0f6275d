package io.convot.helpcenter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which help center a request's {@code Host} names, remembered for {@link #TTL_MILLIS} so that
 * ordinary requests do not each ask the database. A change on this server forgets its hostname at
 * once; other servers of a cluster see it within the time to live. Unknown hosts are remembered
 * too, in a bounded map (the header is the client's to choose).
 */
@ApplicationScoped
public class HelpHosts {

  static final long TTL_MILLIS = 30_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Optional<HelpSite.HostMatch> match, long until) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Inject HelpSite sites;

  /** The help center set for {@code hostname} (verified or not), if any. */
  public Optional<HelpSite.HostMatch> lookup(String hostname) {
    long now = System.currentTimeMillis();
    Entry entry = entries.get(hostname);
    if (entry == null || entry.until() < now) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entry = new Entry(sites.forHost(hostname), now + TTL_MILLIS);
      entries.put(hostname, entry);
    }
    return entry.match();
  }

  public void forget(String hostname) {
    entries.remove(hostname);
  }
}
