package io.convot.web.ratelimit;

import io.convot.ratelimit.Limit;
import io.convot.ratelimit.Usage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys this server found over their limit, until their windows end. A client past its limit
 * is refused from here without being counted, so a flood adds nothing more to the shared count
 * (and none of its requests reach the counters). Only keys over a limit are kept.
 */
final class ExceededLimits {

  private record Until(Limit limit, long endMillis) {}

  private static final int PRUNE_ABOVE = 10_000;

  private final Clock clock;
  private final ConcurrentHashMap<String, Until> byKey = new ConcurrentHashMap<>();

  ExceededLimits(Clock clock) {
    this.clock = clock;
  }

  /** An exceeded usage when one of these limits is known to be over until later, else empty. */
  Optional<Usage> refusal(List<Limit> limits) {
    long now = clock.millis();
    for (Limit limit : limits) {
      Until until = byKey.get(limit.key());
      if (until != null && until.endMillis() > now && until.limit().max() == limit.max()) {
        return Optional.of(new Usage(limit, limit.max() + 1, Math.max(1, (until.endMillis() - now + 999) / 1000)));
      }
    }
    return Optional.empty();
  }

  void remember(Usage exceeded) {
    long now = clock.millis();
    if (byKey.size() > PRUNE_ABOVE) {
      byKey.values().removeIf(until -> until.endMillis() <= now);
    }
    byKey.put(exceeded.limit().key(), new Until(exceeded.limit(), now + exceeded.resetSeconds() * 1000));
  }
}
