package io.convot.web.token;

import io.convot.auth.IntegrationToken;
import java.time.Instant;
import java.util.UUID;

/** The answer to {@code POST /tokens}, the only one that carries the token. */
public record IssuedTokenView(UUID id, String name, String token, UUID memberId, Instant createdAt, Instant expiresAt) {

  public static IssuedTokenView of(IntegrationToken.Issued issued) {
    IntegrationToken token = issued.token();
    return new IssuedTokenView(token.id(), token.name(), issued.value(), token.memberId(), token.createdAt(), token.expiresAt());
  }
}
