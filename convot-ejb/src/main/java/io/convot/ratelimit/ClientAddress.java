package io.convot.ratelimit;

/**
 * The client's IP address as resolved from the request (see {@link ForwardedFor}), and whether the
 * operator exempted it from the limits kept per address.
 */
public record ClientAddress(String value, boolean exempt) {}
