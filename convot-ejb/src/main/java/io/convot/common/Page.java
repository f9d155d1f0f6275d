package io.convot.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the opaque cursor of the next one ({@code null} on the last page). */
public record Page<T>(List<T> data, String nextCursor) {

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(data.stream().map(mapper).toList(), nextCursor);
  }
}
