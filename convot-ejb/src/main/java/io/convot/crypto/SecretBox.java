package io.convot.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM. A sealed secret reads {@code v1:<key id>:<base64 of
 * nonce and ciphertext>}. The context (say {@code shopify-token:<organization id>}) is bound in as
 * associated data, so a sealed value copied into another row or organization does not open.
 */
public final class SecretBox {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyRing keys;

  public SecretBox(KeyRing keys) {
    this.keys = keys;
  }

  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.active(), nonce, context);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + keys.activeId() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Opens a sealed value; fails, without revealing anything, when the key or context is wrong. */
  public String open(String sealed, String context) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new SecretUnreadable("not a sealed secret");
    }
    var key = keys.find(parts[1]).orElseThrow(() -> new SecretUnreadable("sealed with key " + parts[1]
        + ", which is not configured"));
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      if (in.length <= NONCE_BYTES) {
        throw new SecretUnreadable("truncated");
      }
      byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new SecretUnreadable("it does not open with key " + parts[1] + " in this context");
    }
  }

  /** Whether a sealed value was sealed with another key than the active one (and so may be resealed). */
  public boolean sealedWithOldKey(String sealed) {
    return !sealed.startsWith(VERSION + ":" + keys.activeId() + ":");
  }

  private static Cipher cipher(int mode, javax.crypto.SecretKey key, byte[] nonce, String context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** A sealed secret that cannot be opened: the reason names a key id at most, never material. */
  public static final class SecretUnreadable extends RuntimeException {
    SecretUnreadable(String reason) {
      super("A stored secret cannot be read: " + reason);
    }
  }
}
