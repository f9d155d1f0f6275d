package io.convot.web.ratelimit;

import io.convot.common.ErrorCode;
import io.convot.ratelimit.Usage;
import io.convot.web.problem.Problems;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What a limited API tells its client: {@code RateLimit-*} on every answer, 429 past the limit. */
public final class RateLimitAnswers {

  private RateLimitAnswers() {}

  public static void headers(MultivaluedMap<String, Object> headers, Usage usage) {
    headers.putSingle("RateLimit-Limit", usage.limit().max());
    headers.putSingle("RateLimit-Remaining", usage.remaining());
    headers.putSingle("RateLimit-Reset", usage.resetSeconds());
  }

  public static Response tooManyRequests(Problems problems, Usage usage) {
    return Response.fromResponse(problems.response(ErrorCode.RATE_LIMITED,
            "Too many requests; retry after " + usage.resetSeconds() + " s", List.of()))
        .header("Retry-After", usage.resetSeconds()).build();
  }
}
