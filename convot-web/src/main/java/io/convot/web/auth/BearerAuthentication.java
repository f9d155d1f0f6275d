package io.convot.web.auth;

import io.convot.access.CurrentCaller;
import io.convot.apikey.ApiKey;
import io.convot.auth.AuthService;
import io.convot.auth.TokenIssuer;
import io.convot.auth.VerifiedJwt;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the bearer token into the request's caller. JWTs arrive already verified by MicroProfile
 * JWT (signature, algorithm, issuer, audience, expiry); here they are checked against sign-out and
 * the member's current state. API keys ({@code cvk_...}) are looked up by hash. Anything else is a 401.
 * The scheme's name is case-insensitive (RFC 9110): {@code bearer} and {@code BEARER} work too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Context ResourceInfo resource;
  @Inject AuthService auth;
  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic()) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new ConvotException(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <token>");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ConvotException(ErrorCode.TOKEN_INVALID, "Only Bearer tokens are accepted");
    }
    String token = header.substring(BEARER.length()).trim();
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (ApiKey.looksLikeKey(token)) {
      caller.set(auth.authenticate(token));
    } else if (principal instanceof JsonWebToken jwt && token.equals(jwt.getRawToken())) {
      caller.set(auth.authenticate(verified(jwt)));
    } else {
      // The scheme is case-insensitive, but MicroProfile JWT only takes "Bearer eyJ..." (server.xml's
      // authFilter matches exactly): any other spelling is verified here, by the same rules.
      caller.set(auth.authenticateBearer(token));
    }
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(Public.class)
            || resource.getResourceClass().isAnnotationPresent(Public.class));
  }

  private static VerifiedJwt verified(JsonWebToken jwt) {
    String organization = jwt.getClaim(TokenIssuer.ORGANIZATION_CLAIM);
    try {
      return new VerifiedJwt(jwt.getTokenID(), UUID.fromString(jwt.getSubject()),
          organization == null ? null : UUID.fromString(organization),
          Instant.ofEpochSecond(jwt.getIssuedAtTime()), Instant.ofEpochSecond(jwt.getExpirationTime()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConvotException(ErrorCode.TOKEN_INVALID, "The token lacks Convot's claims");
    }
  }
}
