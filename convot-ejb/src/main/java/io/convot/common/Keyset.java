package io.convot.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads one keyset page of an entity that has {@code createdAt} and {@code id}, optionally
 * narrowed by {@link Filter} conditions on the entity, which queries call {@code e}: oldest first,
 * or newest first when the filter says so (a log a person reads).
 */
public final class Keyset {

  private Keyset() {}

  public static <T> Page<T> page(EntityManager em, Class<T> type, PageRequest request,
      Function<T, Instant> createdAt, Function<T, UUID> id) {
    return page(em, type, new Filter(), request, createdAt, id);
  }

  public static <T> Page<T> page(EntityManager em, Class<T> type, Filter filter, PageRequest request,
      Function<T, Instant> createdAt, Function<T, UUID> id) {
    List<String> conditions = new ArrayList<>(filter.conditions);
    String beyond = filter.newestFirst ? "<" : ">";
    if (!request.isFirst()) {
      conditions.add("(e.createdAt " + beyond + " :afterAt OR (e.createdAt = :afterAt AND e.id " + beyond + " :afterId))");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String direction = filter.newestFirst ? " DESC" : "";
    TypedQuery<T> query = em.createQuery("SELECT e FROM " + type.getSimpleName() + " e" + where
        + " ORDER BY e.createdAt" + direction + ", e.id" + direction, type).setMaxResults(request.limit() + 1);
    filter.parameters.forEach(query::setParameter);
    if (!request.isFirst()) {
      query.setParameter("afterAt", request.afterCreatedAt()).setParameter("afterId", request.afterId());
    }
    return request.page(query.getResultList(), createdAt, id);
  }

  /** JPQL conditions on {@code e}, each with at most one named parameter. */
  public static final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean newestFirst;

    /** Pages from the newest row back (when {@code newest}); the cursor then names the oldest row seen. */
    public Filter newestFirst(boolean newest) {
      this.newestFirst = newest;
      return this;
    }

    public Filter where(String condition) {
      conditions.add(condition);
      return this;
    }

    /** Adds {@code condition} (which names {@code :parameter}) only when {@code value} is present. */
    public Filter where(String condition, String parameter, Object value) {
      if (value != null) {
        conditions.add(condition);
        parameters.put(parameter, value);
      }
      return this;
    }
  }
}
