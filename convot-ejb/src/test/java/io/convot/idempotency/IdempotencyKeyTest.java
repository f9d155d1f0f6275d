package io.convot.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(24);
  private static final Duration LOCK = Duration.ofMinutes(1);
  private static final IdempotentRequest CREATE = request("/api/v1/apps", "{\"name\": \"Acme\"}");

  private static IdempotentRequest request(String path, String body) {
    return IdempotentRequest.of("key-1", "POST", path, body.getBytes(StandardCharsets.UTF_8));
  }

  private static IdempotencyKey running() {
    return IdempotencyKey.claim("jwt:" + UUID.randomUUID(), CREATE, NOW, LOCK);
  }

  private static IdempotencyKey finished() {
    IdempotencyKey key = running();
    key.complete(201, "{}", "v1:sealed", NOW.plusSeconds(1));
    return key;
  }

  private static ErrorCode refusal(IdempotencyKey key, IdempotentRequest request, Instant at) {
    return assertThrows(ConvotException.class, () -> key.admit(request, at, LIFETIME, LOCK)).errorCode();
  }

  @Test
  void aFinishedRequestIsReplayedForTheWholeLifetime() {
    assertEquals(IdempotencyKey.Outcome.REPLAY, finished().admit(CREATE, NOW.plusSeconds(5), LIFETIME, LOCK));
    assertEquals(IdempotencyKey.Outcome.REPLAY, finished().admit(CREATE, NOW.plus(LIFETIME).minusSeconds(1), LIFETIME, LOCK));
  }

  @Test
  void anotherBodyOrPathIsRefusedWhetherTheFirstFinishedOrNot() {
    IdempotentRequest otherBody = request("/api/v1/apps", "{\"name\": \"Other\"}");
    IdempotentRequest otherPath = request("/api/v1/api-keys", "{\"name\": \"Acme\"}");

    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(finished(), otherBody, NOW.plusSeconds(5)));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(finished(), otherPath, NOW.plusSeconds(5)));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(running(), otherBody, NOW.plusSeconds(5)));
  }

  @Test
  void aRunningRequestMakesTheRetryWait() {
    IdempotencyKey key = running();
    UUID holder = key.holder();

    assertEquals(ErrorCode.IDEMPOTENCY_KEY_IN_USE, refusal(key, CREATE, NOW.plus(LOCK).minusMillis(1)));
    assertTrue(key.heldBy(holder));
  }

  @Test
  void aRunWhoseLockRanOutIsTakenOverAndCanNoLongerComplete() {
    IdempotencyKey key = running();
    UUID first = key.holder();

    assertEquals(IdempotencyKey.Outcome.RUN, key.admit(CREATE, NOW.plus(LOCK), LIFETIME, LOCK));

    assertNotEquals(first, key.holder());
    assertFalse(key.heldBy(first), "the run that was taken over still holds the key");
    assertTrue(key.heldBy(key.holder()));
  }

  @Test
  void anExpiredKeyIsForgottenAndServesAnyRequestAnew() {
    IdempotencyKey key = finished();
    IdempotentRequest another = request("/api/v1/api-keys", "{\"name\": \"Later\"}");

    assertEquals(IdempotencyKey.Outcome.RUN, key.admit(another, NOW.plus(LIFETIME), LIFETIME, LOCK));

    assertTrue(key.heldBy(key.holder()));
    assertEquals(another.fingerprint(), key.requestHash());
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(key, CREATE, NOW.plus(LIFETIME).plusSeconds(1)));
  }

  @Test
  void onlySuccessesAreKept() {
    assertTrue(StoredResponse.keeps(200));
    assertTrue(StoredResponse.keeps(201));
    assertTrue(StoredResponse.keeps(202));
    assertTrue(StoredResponse.keeps(204));
    for (int status : new int[] {400, 401, 403, 404, 409, 422, 429, 500, 502, 503}) {
      assertFalse(StoredResponse.keeps(status), "kept " + status);
    }
  }
}
