package io.convot.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Reads one keyset page of an entity that has {@code createdAt} and {@code id}. */
public final class Keyset {

  private Keyset() {}

  public static <T> Page<T> page(EntityManager em, Class<T> type, PageRequest request,
      Function<T, Instant> createdAt, Function<T, UUID> id) {
    String entity = type.getSimpleName();
    String after = request.isFirst() ? "" : " WHERE e.createdAt > :at OR (e.createdAt = :at AND e.id > :id)";
    TypedQuery<T> query = em.createQuery("SELECT e FROM " + entity + " e" + after + " ORDER BY e.createdAt, e.id", type)
        .setMaxResults(request.limit() + 1);
    if (!request.isFirst()) {
      query.setParameter("at", request.afterCreatedAt()).setParameter("id", request.afterId());
    }
    return request.page(query.getResultList(), createdAt, id);
  }
}
