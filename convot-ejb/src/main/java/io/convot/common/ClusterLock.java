package io.convot.common;

import jakarta.persistence.EntityManager;

/**
 * Scheduled work that must run on one server of a cluster at a time: a PostgreSQL advisory lock,
 * taken without waiting and held until the current transaction ends.
 */
public final class ClusterLock {

  private ClusterLock() {}

  /** Whether this transaction took the lock {@code key}; {@code false} when another holds it. */
  public static boolean tryTake(EntityManager em, long key) {
    Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
    return Boolean.TRUE.equals(locked);
  }
}
