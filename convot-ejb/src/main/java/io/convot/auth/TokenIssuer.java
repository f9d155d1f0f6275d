package io.convot.auth;

import io.convot.member.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs RS256 sign-in tokens that MicroProfile JWT verifies: issuer, audience, 60-day expiry. */
@ApplicationScoped
public class TokenIssuer {

  public static final String ORGANIZATION_CLAIM = "org";

  @Inject SigningKeys keys;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  List<String> audiences;

  @Inject
  @ConfigProperty(name = "convot.jwt.lifetime", defaultValue = "P60D")
  String lifetime;

  public IssuedToken issue(Member member, UUID organizationId) {
    return issue(member, organizationId, UUID.randomUUID(), maxLifetime());
  }

  /** A token with a chosen id (its {@code jti}) and lifetime, such as one issued to an integration. */
  public IssuedToken issue(Member member, UUID organizationId, UUID jti, Duration lifetime) {
    // Never before the member's cut (a password change this very second): the new token must work.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant issuedAt = now.isBefore(member.tokensValidAfter()) ? member.tokensValidAfter() : now;
    Instant expiresAt = issuedAt.plus(lifetime);
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audiences);
    claims.setSubject(member.id().toString());
    claims.setClaim("upn", member.email());
    claims.setStringListClaim("groups", List.of(member.role().wire()));
    claims.setClaim(ORGANIZATION_CLAIM, organizationId.toString());
    claims.setJwtId(jti.toString());
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.privateKey());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return new IssuedToken(jws.getCompactSerialization(), expiresAt);
    } catch (JoseException e) {
      throw new IllegalStateException("Could not sign a token", e);
    }
  }

  /** How long a sign-in token lives, and the longest any token may. */
  public Duration maxLifetime() {
    return Duration.parse(lifetime);
  }
}
