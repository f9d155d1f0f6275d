package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

  @Test
  void generatesWhsecPrefixedBase64OfThirtyTwoRandomBytes() {
    WebhookSecret secret = WebhookSecret.generate();

    assertTrue(secret.value().startsWith("whsec_"), secret.value());
    byte[] decoded = Base64.getDecoder().decode(secret.value().substring("whsec_".length()));
    assertEquals(32, decoded.length);
    assertArrayEquals(decoded, secret.key());
    assertNotEquals(secret, WebhookSecret.generate());
  }

  @Test
  void parsesWhatItGenerates() {
    WebhookSecret secret = WebhookSecret.generate();

    WebhookSecret parsed = WebhookSecret.parse(secret.value());

    assertEquals(secret.value(), parsed.value());
    assertArrayEquals(secret.key(), parsed.key());
    assertEquals(secret, parsed);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "",
      "whsec_",
      "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",                                // no prefix
      "whsk_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",               // wrong prefix
      "whsec_MDEyMzQ1Njc4OWFiY2RlZg==",                                  // 16 bytes
      "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIz",          // 36 bytes
      "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",               // padding missing
      "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n",            // trailing newline
      "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlh!!NkZWY=",              // not base64
      "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=="})            // too much padding
  void refusesAnythingElse(String value) {
    assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(value));
  }

  @Test
  void keyIsACopy() {
    WebhookSecret secret = WebhookSecret.generate();
    byte[] key = secret.key();

    key[0] ^= 1;

    assertFalse(key[0] == secret.key()[0]);
  }

  @Test
  void neverShowsItselfInLogs() {
    WebhookSecret secret = WebhookSecret.generate();

    assertFalse(secret.toString().contains(secret.value().substring(6)), secret.toString());
  }
}
