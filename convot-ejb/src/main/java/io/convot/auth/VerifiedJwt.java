package io.convot.auth;

import java.time.Instant;
import java.util.UUID;

/** The claims of a JWT that MicroProfile JWT has already verified (signature, issuer, audience, expiry). */
public record VerifiedJwt(String jti, UUID memberId, UUID organizationId, Instant issuedAt, Instant expiresAt) {}
