package io.convot.common;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Runs a pruning function of the schema ({@code convot_prune_...(before, batch)}, which deletes at
 * most {@code batch} rows older than {@code before} and returns how many) until a batch comes back
 * short, so no statement holds its locks for long. Each call is a statement of the caller's
 * transaction.
 */
public final class BatchPrune {

  private static final int BATCH = 10_000;

  private BatchPrune() {}

  /** How many rows the function deleted in all. {@code function} is a name from our own code. */
  public static long deleteBefore(EntityManager em, String function, Instant before) {
    long deleted = 0;
    int batch;
    do {
      batch = ((Number) em.createNativeQuery("SELECT " + function + "(?1, ?2)")
          .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setParameter(2, BATCH).getSingleResult()).intValue();
      deleted += batch;
    } while (batch == BATCH);
    return deleted;
  }
}
