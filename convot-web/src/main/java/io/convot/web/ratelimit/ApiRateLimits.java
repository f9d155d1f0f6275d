package io.convot.web.ratelimit;

import io.convot.common.Randoms;
import io.convot.ratelimit.BufferedRateWindows;
import io.convot.ratelimit.ClientAddress;
import io.convot.ratelimit.Limit;
import io.convot.ratelimit.Usage;
import io.convot.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every REST API request counts, per minute, against its client address and, when it carries a
 * bearer token, against that token (valid or not: a flood of bad tokens is limited too). The counts
 * are kept in memory and added to PostgreSQL's once a second ({@link BufferedRateWindows}), so the
 * limits hold for a whole cluster within a second's slack at no database cost per request; a key
 * this server saw exceeded is refused without counting until its window ends. Pre-matching and
 * before authentication, so unknown paths and refused tokens are limited and answered alike.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiRateLimits implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final ExceededLimits EXCEEDED = new ExceededLimits(Clock.systemUTC());
  private static final String USAGE = "convot.api.rate-limit";
  private static final String BEARER = "Bearer ";

  @Context HttpServletRequest servletRequest;
  @Inject ClientAddresses clients;
  @Inject BufferedRateWindows windows;
  @Inject Problems problems;

  @Inject
  @ConfigProperty(name = "convot.api.rate-limit.per-token", defaultValue = "600")
  int perToken;

  @Inject
  @ConfigProperty(name = "convot.api.rate-limit.per-ip", defaultValue = "1200")
  int perIp;

  @Override
  public void filter(ContainerRequestContext request) {
    List<Limit> limits = limits(clients.of(servletRequest), request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (limits.isEmpty()) {
      return;
    }
    Optional<Usage> known = EXCEEDED.refusal(limits);
    Usage usage = known.orElseGet(() -> Usage.tightest(windows.hit(WINDOW, limits)));
    request.setProperty(USAGE, usage);
    if (usage.exceeded()) {
      if (known.isEmpty()) {
        EXCEEDED.remember(usage);
      }
      request.abortWith(RateLimitAnswers.tooManyRequests(problems, usage));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(USAGE) instanceof Usage usage) {
      RateLimitAnswers.headers(response.getHeaders(), usage);
    }
  }

  private List<Limit> limits(ClientAddress client, String authorization) {
    List<Limit> limits = new ArrayList<>(2);
    // 0 turns a limit off (a load balancer in front may keep its own); then it costs no round trip.
    if (perIp > 0 && !client.exempt()) {
      limits.add(new Limit("api:ip:" + client.value(), perIp));
    }
    if (perToken > 0 && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      // Tokens are secrets: the counter is keyed by part of their hash.
      limits.add(new Limit("api:token:" + Randoms.sha256(authorization.substring(BEARER.length()).trim()).substring(0, 32), perToken));
    }
    return limits;
  }
}
