package io.convot.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the precision PostgreSQL stores, so that a keyset cursor matches the stored row exactly. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
