package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our signatures against com.standardwebhooks, an implementation we did not write: what a receiver
 * using any Standard Webhooks library will do with them.
 */
class WebhookSignatureTest {

  private static final String ID = "msg_6b0c6c1e-2f6a-4c43-9d7e-5d8f0a1b2c3d";
  private static final String BODY = """
      {"id":"6b0c6c1e","type":"message.received","data":{"message":{"body":"Grüße, ça va? 👋"}}}""";

  private final WebhookSecret secret = WebhookSecret.generate();

  @Test
  void standardWebhooksLibraryVerifiesOurSignature() throws Exception {
    long now = Instant.now().getEpochSecond();

    String header = WebhookSignature.sign(List.of(secret), ID, now, BODY);

    assertTrue(header.startsWith("v1,"), header);
    assertDoesNotThrow(() -> new Webhook(secret.value()).verify(BODY, headers(ID, now, header)));
  }

  @Test
  void weVerifyTheStandardWebhooksLibrarysSignature() throws Exception {
    long now = Instant.now().getEpochSecond();

    String header = new Webhook(secret.value()).sign(ID, now, BODY);

    assertTrue(WebhookSignature.verify(secret, ID, Long.toString(now), BODY, header, Clock.systemUTC()));
  }

  @Test
  void signsTheSameWayAsTheStandardWebhooksLibrary() throws Exception {
    assertEquals(new Webhook(secret.value()).sign(ID, 1_700_000_000L, BODY),
        WebhookSignature.sign(List.of(secret), ID, 1_700_000_000L, BODY));
  }

  @Test
  void duringRotationEitherSecretVerifies() throws Exception {
    WebhookSecret rotated = WebhookSecret.generate();
    long now = Instant.now().getEpochSecond();

    String header = WebhookSignature.sign(List.of(secret, rotated), ID, now, BODY);

    assertEquals(2, header.split(" ").length, header);
    for (WebhookSecret either : List.of(secret, rotated)) {
      assertTrue(WebhookSignature.verify(either, ID, Long.toString(now), BODY, header, Clock.systemUTC()));
      assertDoesNotThrow(() -> new Webhook(either.value()).verify(BODY, headers(ID, now, header)));
    }
    assertFalse(WebhookSignature.verify(WebhookSecret.generate(), ID, Long.toString(now), BODY, header,
        Clock.systemUTC()));
  }

  @Test
  void tamperedBodyIdOrTimestampFails() throws Exception {
    long now = Instant.now().getEpochSecond();
    String header = WebhookSignature.sign(List.of(secret), ID, now, BODY);
    Clock clock = Clock.systemUTC();
    Webhook library = new Webhook(secret.value());

    assertFalse(WebhookSignature.verify(secret, ID, Long.toString(now), BODY + " ", header, clock));
    assertFalse(WebhookSignature.verify(secret, ID + "x", Long.toString(now), BODY, header, clock));
    assertFalse(WebhookSignature.verify(secret, ID, Long.toString(now - 1), BODY, header, clock));
    assertThrows(WebhookVerificationException.class, () -> library.verify(BODY + " ", headers(ID, now, header)));
    assertThrows(WebhookVerificationException.class, () -> library.verify(BODY, headers(ID + "x", now, header)));
    assertThrows(WebhookVerificationException.class, () -> library.verify(BODY, headers(ID, now - 1, header)));
  }

  @Test
  void refusesTimestampsMoreThanFiveMinutesFromTheClock() {
    long signedAt = 1_700_000_000L;
    String header = WebhookSignature.sign(List.of(secret), ID, signedAt, BODY);
    String timestamp = Long.toString(signedAt);

    assertTrue(WebhookSignature.verify(secret, ID, timestamp, BODY, header, clockAt(signedAt + 300)));
    assertTrue(WebhookSignature.verify(secret, ID, timestamp, BODY, header, clockAt(signedAt - 300)));
    assertFalse(WebhookSignature.verify(secret, ID, timestamp, BODY, header, clockAt(signedAt + 301)));
    assertFalse(WebhookSignature.verify(secret, ID, timestamp, BODY, header, clockAt(signedAt - 301)));
  }

  @Test
  void refusesMalformedHeaders() {
    long signedAt = 1_700_000_000L;
    String valid = WebhookSignature.sign(List.of(secret), ID, signedAt, BODY);
    Clock clock = clockAt(signedAt);

    assertFalse(WebhookSignature.verify(secret, ID, "soon", BODY, valid, clock));
    assertFalse(WebhookSignature.verify(secret, ID, null, BODY, valid, clock));
    assertFalse(WebhookSignature.verify(secret, ID, "1700000000", BODY, null, clock));
    assertFalse(WebhookSignature.verify(secret, ID, "1700000000", BODY, "", clock));
    assertFalse(WebhookSignature.verify(secret, ID, "1700000000", BODY, "v1,not base64!", clock));
    assertFalse(WebhookSignature.verify(secret, ID, "1700000000", BODY, valid.replace("v1,", "v2,"), clock));
    assertTrue(WebhookSignature.verify(secret, ID, "1700000000", BODY, "v1,bm9wZQ== " + valid, clock));
  }

  @Test
  void signingNeedsALiveSecret() {
    assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign(List.of(), ID, 1L, BODY));
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(signature));
  }

  private static Clock clockAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }
}
