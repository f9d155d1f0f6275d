package io.convot.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Secrets and their one-way fingerprints. */
public final class Randoms {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Randoms() {}

  /** {@code bytes} random bytes as unpadded base64url. */
  public static String token(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  public static String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  public static byte[] bytes(int count) {
    byte[] buffer = new byte[count];
    RANDOM.nextBytes(buffer);
    return buffer;
  }

  /** SHA-256 in hex: enough for high-entropy secrets (API keys, invitation tokens), never for passwords. */
  public static String sha256(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
