package io.convot.web.widget;

import io.convot.common.Randoms;
import io.convot.ratelimit.ClientAddress;
import io.convot.ratelimit.Limit;
import io.convot.ratelimit.Usage;
import io.convot.web.problem.Problems;
import io.convot.web.ratelimit.ClientAddresses;
import io.convot.web.ratelimit.RateLimitAnswers;
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
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits every widget request per client IP (unless exempt) and per session token, answering 429
 * with {@code Retry-After} beyond the limit, and {@code RateLimit-*} headers on every answer.
 */
@RateLimited
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class WidgetRateLimits implements ContainerRequestFilter, ContainerResponseFilter {

  private static final RateLimiter LIMITER = new RateLimiter(Clock.systemUTC());
  private static final String DECISION = "convot.rate-limit";

  @Context HttpServletRequest servletRequest;
  @Inject Problems problems;
  @Inject ClientAddresses clients;

  @Inject
  @ConfigProperty(name = "convot.widget.rate-limit.per-ip", defaultValue = "600")
  int perIp;

  @Inject
  @ConfigProperty(name = "convot.widget.rate-limit.per-session", defaultValue = "120")
  int perSession;

  @Override
  public void filter(ContainerRequestContext request) {
    ClientAddress client = clients.of(servletRequest);
    Usage usage = client.exempt() ? null : LIMITER.take(new Limit("ip:" + client.value(), perIp));
    String token = VisitorRequests.sessionToken(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    if ((usage == null || !usage.exceeded()) && token != null) {
      usage = LIMITER.take(new Limit("session:" + Randoms.sha256(token), perSession));
    }
    if (usage == null) {
      return;
    }
    request.setProperty(DECISION, usage);
    if (usage.exceeded()) {
      request.abortWith(RateLimitAnswers.tooManyRequests(problems, usage));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof Usage usage) {
      RateLimitAnswers.headers(response.getHeaders(), usage);
    }
  }
}
