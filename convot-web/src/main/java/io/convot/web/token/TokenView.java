package io.convot.web.token;

import io.convot.auth.IntegrationToken;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integration token as lists show it: never its value; {@code expired} once it no longer works. */
@Schema(name = "IntegrationToken")
public record TokenView(UUID id, String name, UUID memberId, Instant createdAt, Instant expiresAt, boolean expired) {

  public static TokenView of(IntegrationToken token) {
    return new TokenView(token.id(), token.name(), token.memberId(), token.createdAt(), token.expiresAt(), token.expired());
  }
}
