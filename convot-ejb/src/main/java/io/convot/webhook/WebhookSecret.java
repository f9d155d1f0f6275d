package io.convot.webhook;

import io.convot.common.Randoms;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} followed by base64 of
 * 32 random bytes, the bytes being the HMAC key. Immutable; {@link #toString()} never shows it.
 */
public final class WebhookSecret {

  private static final String PREFIX = "whsec_";
  private static final int KEY_BYTES = 32;

  private final String value;
  private final byte[] key;

  private WebhookSecret(String value, byte[] key) {
    this.value = value;
    this.key = key;
  }

  public static WebhookSecret generate() {
    byte[] key = Randoms.bytes(KEY_BYTES);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), key);
  }

  /** Accepts exactly what {@link #generate()} produces; anything else is refused, never repaired. */
  public static WebhookSecret parse(String value) {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
    }
    String encoded = value.substring(PREFIX.length());
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A webhook secret is " + PREFIX + " followed by base64");
    }
    // Re-encoding must give the same text, so one key has exactly one written form.
    if (key.length != KEY_BYTES || !Base64.getEncoder().encodeToString(key).equals(encoded)) {
      throw new IllegalArgumentException("A webhook secret holds base64 of exactly " + KEY_BYTES + " bytes");
    }
    return new WebhookSecret(value, key);
  }

  /** The text handed to the integrator once, and stored. */
  public String value() {
    return value;
  }

  /** The HMAC key: a copy, so that no caller can change this secret. */
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[" + PREFIX + "...]";
  }
}
