package io.convot.auth;

import java.time.Instant;

/** A freshly signed bearer token and when it stops working. */
public record IssuedToken(String token, Instant expiresAt) {}
