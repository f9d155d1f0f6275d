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
 * Reads one keyset page of an entity that has an {@code id} and a time attribute, oldest
 * {@code createdAt} first unless an {@link Order} says otherwise, optionally narrowed by
 * {@link Filter} conditions on the entity, which queries call {@code e}.
 */
public final class Keyset {

  private Keyset() {}

  /** The order of a list: by a time attribute of {@code e}, then by id, both ascending or both descending. */
  public record Order(String attribute, boolean descending) {
    public static final Order OLDEST_CREATED_FIRST = new Order("createdAt", false);

    public static Order newestFirst(String attribute) {
      return new Order(attribute, true);
    }

    /**
     * Rows after the cursor's. The first bound repeats the second's time so that the database reads
     * the index from the cursor on rather than filtering every row before it.
     */
    String after() {
      String beyond = descending ? "<" : ">";
      String from = descending ? "<=" : ">=";
      return "(e.%1$s %2$s :afterAt AND (e.%1$s %3$s :afterAt OR e.id %3$s :afterId))".formatted(attribute, from, beyond);
    }

    String orderBy() {
      String direction = descending ? " DESC" : "";
      return " ORDER BY e." + attribute + direction + ", e.id" + direction;
    }
  }

  public static <T> Page<T> page(EntityManager em, Class<T> type, PageRequest request,
      Function<T, Instant> createdAt, Function<T, UUID> id) {
    return page(em, type, new Filter(), request, createdAt, id);
  }

  public static <T> Page<T> page(EntityManager em, Class<T> type, Filter filter, PageRequest request,
      Function<T, Instant> createdAt, Function<T, UUID> id) {
    return page(em, type, filter, request, Order.OLDEST_CREATED_FIRST, createdAt, id);
  }

  /** A page in {@code order}; {@code time} reads the order's attribute of a row, for the next cursor. */
  public static <T> Page<T> page(EntityManager em, Class<T> type, Filter filter, PageRequest request, Order order,
      Function<T, Instant> time, Function<T, UUID> id) {
    List<String> conditions = new ArrayList<>(filter.conditions);
    if (!request.isFirst()) {
      conditions.add(order.after());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    TypedQuery<T> query = em.createQuery("SELECT e FROM " + type.getSimpleName() + " e" + where + order.orderBy(), type)
        .setMaxResults(request.limit() + 1);
    filter.parameters.forEach(query::setParameter);
    if (!request.isFirst()) {
      query.setParameter("afterAt", request.afterCreatedAt()).setParameter("afterId", request.afterId());
    }
    return request.page(query.getResultList(), time, id);
  }

  /** JPQL conditions on {@code e}, each with at most one named parameter. */
  public static final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
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
