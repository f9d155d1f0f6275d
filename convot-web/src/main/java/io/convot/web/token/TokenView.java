package io.convot.web.token;

import io.convot.auth.IntegrationToken;
import java.time.Instant;
import java.util.UUID;

/** An integration token as lists show it: never its value. */
public record TokenView(UUID id, String name, UUID memberId, Instant createdAt, Instant expiresAt) {

  public static TokenView of(IntegrationToken token) {
    return new TokenView(token.id(), token.name(), token.memberId(), token.createdAt(), token.expiresAt());
  }
}
