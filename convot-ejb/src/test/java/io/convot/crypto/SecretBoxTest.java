package io.convot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {

  private static final String OLD = "old:" + randomKey();
  private static final String NEW = "new:" + randomKey();

  @Test
  void opensWhatItSealedAndNeverShowsThePlaintext() {
    SecretBox box = new SecretBox(KeyRing.parse(NEW));

    String sealed = box.seal("shpat_0123456789", "shopify-token:org-1");

    assertTrue(sealed.startsWith("v1:new:"), sealed);
    assertFalse(sealed.contains("shpat_0123456789"));
    assertEquals("shpat_0123456789", box.open(sealed, "shopify-token:org-1"));
    assertNotEquals(sealed, box.seal("shpat_0123456789", "shopify-token:org-1"), "a fresh nonce every time");
  }

  @Test
  void aSealedValueDoesNotOpenInAnotherContext() {
    SecretBox box = new SecretBox(KeyRing.parse(NEW));
    String sealed = box.seal("secret", "shopify-token:org-1");

    assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(sealed, "shopify-token:org-2"));
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    SecretBox box = new SecretBox(KeyRing.parse(NEW));
    String sealed = box.seal("secret", "c");
    int body = sealed.lastIndexOf(':') + 1;
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(body));
    bytes[bytes.length / 2] ^= 0x01;
    String tampered = sealed.substring(0, body) + Base64.getEncoder().encodeToString(bytes);

    assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(tampered, "c"));
  }

  @Test
  void afterARotationOldValuesStillOpenAndNewOnesUseTheFirstKey() {
    String sealedBefore = new SecretBox(KeyRing.parse(OLD)).seal("secret", "c");
    SecretBox rotated = new SecretBox(KeyRing.parse(NEW + "," + OLD));

    assertEquals("secret", rotated.open(sealedBefore, "c"));
    assertTrue(rotated.sealedWithOldKey(sealedBefore));
    assertFalse(rotated.sealedWithOldKey(rotated.seal("secret", "c")));
  }

  @Test
  void aValueSealedWithARetiredKeyNamesTheKeyButNothingElse() {
    String sealed = new SecretBox(KeyRing.parse(OLD)).seal("secret", "c");
    SecretBox withoutOld = new SecretBox(KeyRing.parse(NEW));

    var failure = assertThrows(SecretBox.SecretUnreadable.class, () -> withoutOld.open(sealed, "c"));
    assertTrue(failure.getMessage().contains("old"), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "nokey", "k1:not-base64!", "k1:c2hvcnQ=", "bad id:AAAA", "a:%s,a:%s"})
  void refusesBadKeyListsWithoutEchoingThem(String spec) {
    String key = randomKey();
    String filled = spec.replace("%s", key);

    var failure = assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(filled));
    assertFalse(failure.getMessage().contains(key), failure.getMessage());
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
