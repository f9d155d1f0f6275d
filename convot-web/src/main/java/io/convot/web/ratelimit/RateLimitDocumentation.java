package io.convot.web.ratelimit;

import io.convot.web.problem.Problem;
import io.convot.web.problem.ProblemDocumentation;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@link ApiRateLimits} on every operation of the REST API, as the filter applies to
 * every request: the {@code RateLimit-*} headers on each response and the 429 {@code rate_limited}
 * problem with {@code Retry-After}. A new endpoint is documented without an annotation of its own.
 */
public final class RateLimitDocumentation {

  private record Described(String name, String description) {}

  private static final String API_PATHS = "/api/v1/";
  private static final String RATE_LIMITED = "RateLimited";
  private static final String RETRY_AFTER = "Retry-After";
  private static final List<Described> LIMIT_HEADERS = List.of(
      new Described("RateLimit-Limit", "Requests allowed per minute by the tighter of the limits per client address and per token"),
      new Described("RateLimit-Remaining", "Requests left in the current window of that limit"),
      new Described("RateLimit-Reset", "Seconds until that window ends"));

  private RateLimitDocumentation() {}

  /** Adds the headers, the problem and the 429 to the document's components and every REST API operation. */
  public static void describe(OpenAPI document) {
    addComponents(document.getComponents());
    if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
      document.getPaths().getPathItems().forEach((path, item) -> {
        if (path.startsWith(API_PATHS)) {
          item.getOperations().values().forEach(RateLimitDocumentation::describe);
        }
      });
    }
  }

  private static void addComponents(Components components) {
    LIMIT_HEADERS.forEach(header -> components.addHeader(header.name(), count(header.description())));
    // Only the 429 refers to it, and always carries it (a reference cannot say so itself).
    components.addHeader(RETRY_AFTER, count("Seconds to wait before the next request counts again").required(true));
    ProblemDocumentation.addSchemas(components);
    components.addResponse(RATE_LIMITED, withLimitHeaders(OASFactory.createAPIResponse()
        .description("rate_limited: past the requests allowed per minute per token or per client address (on sign-in,"
            + " sign-up and password change also past the failed attempts allowed); retry after Retry-After seconds")
        .addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER))
        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemDocumentation.SCHEMA))))));
  }

  private static void describe(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    if (operation.getResponses().getAPIResponses() != null) {
      operation.getResponses().getAPIResponses().values().forEach(RateLimitDocumentation::withLimitHeaders);
    }
    operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref(RATE_LIMITED));
  }

  private static APIResponse withLimitHeaders(APIResponse response) {
    LIMIT_HEADERS.forEach(header -> response.addHeader(header.name(), OASFactory.createHeader().ref(header.name())));
    return response;
  }

  private static Header count(String description) {
    return OASFactory.createHeader().description(description)
        .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO));
  }
}
