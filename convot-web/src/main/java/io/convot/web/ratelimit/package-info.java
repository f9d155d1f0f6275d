/**
 * Rate limits on HTTP: who the client is ({@link io.convot.web.ratelimit.ClientAddresses}), the
 * REST API's limits per token and per address ({@link io.convot.web.ratelimit.ApiRateLimits}), and
 * how every limited API tells its clients ({@code RateLimit-*}, 429 with {@code Retry-After}).
 */
package io.convot.web.ratelimit;
