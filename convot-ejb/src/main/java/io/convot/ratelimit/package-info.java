/**
 * Rate limits: counters in PostgreSQL that every server of a cluster shares ({@link RateWindows}),
 * and who the client is behind the proxies an operator trusts ({@link ForwardedFor}).
 */
package io.convot.ratelimit;
