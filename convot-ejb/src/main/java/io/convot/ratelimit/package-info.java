/**
 * Rate limits: counters in PostgreSQL that every server of a cluster shares ({@link RateWindows}),
 * the REST API's counted in each server's memory and added to them once a second
 * ({@link BufferedRateWindows}), and who the client is behind the proxies an operator trusts
 * ({@link ForwardedFor}).
 */
package io.convot.ratelimit;
