package io.convot.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A keyset page request over rows ordered by {@code (created_at, id)} (or another time of the list's
 * own order, see {@link Keyset.Order}): the cursor names the last row of the previous page, so pages
 * neither skip nor repeat while rows are inserted.
 */
public record PageRequest(int limit, Instant afterCreatedAt, UUID afterId) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static PageRequest of(String limit, String cursor) {
    int size = parseLimit(limit);
    if (size < 1 || size > MAX_LIMIT) {
      throw new ConvotException(ErrorCode.INVALID_PARAMETER, "limit must be between 1 and " + MAX_LIMIT,
          List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_LIMIT)));
    }
    if (cursor == null || cursor.isBlank()) {
      return new PageRequest(size, null, null);
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
      Instant after = Instant.parse(parts[0]);
      if (!Timestamps.isAccepted(after)) {
        // Only a forged cursor holds such a time, and the database could not compare it.
        throw new IllegalArgumentException("cursor time out of range");
      }
      return new PageRequest(size, after, UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new ConvotException(ErrorCode.INVALID_CURSOR, "The cursor is not one this API issued");
    }
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      return -1; // reported as out of range, like any other unusable limit
    }
  }

  public boolean isFirst() {
    return afterId == null;
  }

  /** Builds the page from up to {@code limit + 1} rows fetched in keyset order. */
  public <T> Page<T> page(List<T> rows, Function<T, Instant> createdAt, Function<T, UUID> id) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> data = List.copyOf(rows.subList(0, limit));
    T last = data.get(data.size() - 1);
    String raw = createdAt.apply(last) + "|" + id.apply(last);
    return new Page<>(data, Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
  }
}
