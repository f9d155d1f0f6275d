package io.convot.idempotency;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request sent under an {@code Idempotency-Key}: the key, where it went, and a fingerprint of the
 * method, the path (with its query) and the raw body bytes, which a retry must match exactly.
 */
public record IdempotentRequest(String key, String method, String path, String fingerprint) {

  public static final int MAX_KEY_LENGTH = 255;

  /** Validates the key and fingerprints the request. */
  public static IdempotentRequest of(String key, String method, String path, byte[] body) {
    requireValidKey(key);
    return new IdempotentRequest(key, method, path, fingerprint(method, path, body));
  }

  /**
   * A key is 1 to 255 printable ASCII characters. Control characters (NUL included) and anything
   * beyond ASCII are refused rather than normalised, so that a key is stored exactly as it was sent.
   */
  static void requireValidKey(String key) {
    if (key == null || key.isBlank()) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key is empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_INVALID,
          "Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters");
    }
    if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_INVALID,
          "Idempotency-Key must be printable ASCII (no control characters)");
    }
  }

  private static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a client reads in a refusal: where the key was first used (never the first body). */
  String target() {
    return method + " " + path;
  }
}
