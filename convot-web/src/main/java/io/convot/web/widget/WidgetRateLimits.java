package io.convot.web.widget;

import io.convot.common.ErrorCode;
import io.convot.common.Randoms;
import io.convot.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits every widget request per client IP and per session token, answering 429 with
 * {@code Retry-After} beyond the limit, and {@code RateLimit-*} headers on every answer.
 */
@RateLimited
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class WidgetRateLimits implements ContainerRequestFilter, ContainerResponseFilter {

  private static final RateLimiter LIMITER = new RateLimiter(Clock.systemUTC());
  private static final String DECISION = "convot.rate-limit";

  @Context HttpServletRequest servletRequest;
  @Inject Problems problems;

  @Inject
  @ConfigProperty(name = "convot.widget.rate-limit.per-ip", defaultValue = "600")
  int perIp;

  @Inject
  @ConfigProperty(name = "convot.widget.rate-limit.per-session", defaultValue = "120")
  int perSession;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimiter.Decision decision = LIMITER.take("ip:" + servletRequest.getRemoteAddr(), perIp);
    String token = VisitorRequests.sessionToken(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    if (decision.allowed() && token != null) {
      decision = LIMITER.take("session:" + Randoms.sha256(token), perSession);
    }
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      request.abortWith(Response.fromResponse(problems.response(ErrorCode.RATE_LIMITED,
              "Too many requests; retry after " + decision.resetSeconds() + " s", List.of()))
          .header("Retry-After", decision.resetSeconds()).build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
      response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
      response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
      response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
    }
  }
}
