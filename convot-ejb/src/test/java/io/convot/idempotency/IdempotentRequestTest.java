package io.convot.idempotency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

  private static final byte[] BODY = "{\"name\": \"Acme\"}".getBytes(StandardCharsets.UTF_8);

  private static IdempotentRequest request(String key, String path, byte[] body) {
    return IdempotentRequest.of(key, "POST", path, body);
  }

  @Test
  void acceptsPrintableAsciiUpTo255Characters() {
    assertDoesNotThrow(() -> request("k".repeat(255), "/api/v1/apps", BODY));
    assertDoesNotThrow(() -> request("a8f1c2e4-0d3b-4f4e-9d1a-2b7c5e6f7a8b", "/api/v1/apps", BODY));
    assertDoesNotThrow(() -> request("order 42 / retry ~1", "/api/v1/apps", BODY));
  }

  @Test
  void refusesEmptyTooLongControlAndNonAsciiKeys() {
    for (String key : new String[] {"", "   ", "k".repeat(256), "a\u0000b", "a\tb", "a\u007fb", "caf\u00e9", "\u2603"}) {
      ConvotException refused = assertThrows(ConvotException.class, () -> request(key, "/api/v1/apps", BODY), key);
      assertEquals(ErrorCode.IDEMPOTENCY_KEY_INVALID, refused.errorCode());
    }
  }

  @Test
  void fingerprintCoversMethodPathAndEveryByteOfTheBody() {
    String fingerprint = request("k", "/api/v1/apps", BODY).fingerprint();

    assertEquals(fingerprint, request("other key", "/api/v1/apps", BODY.clone()).fingerprint());
    assertNotEquals(fingerprint, request("k", "/api/v1/api-keys", BODY).fingerprint());
    assertNotEquals(fingerprint, request("k", "/api/v1/apps?x=1", BODY).fingerprint());
    assertNotEquals(fingerprint, IdempotentRequest.of("k", "PUT", "/api/v1/apps", BODY).fingerprint());
    assertNotEquals(fingerprint, request("k", "/api/v1/apps", "{\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8)).fingerprint());
    assertNotEquals(fingerprint, request("k", "/api/v1/apps", new byte[0]).fingerprint());
  }
}
