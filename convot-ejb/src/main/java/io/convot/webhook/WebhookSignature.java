package io.convot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks: {@code v1,} followed by base64 of
 * HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}}.
 */
public final class WebhookSignature {

  /** How far a receiver lets a timestamp stray from its clock, which bounds replays. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1";

  private WebhookSignature() {}

  /**
   * One signature per live secret, space-separated: during a rotation's grace period a receiver
   * still holding the old secret and one already holding the new one both verify.
   */
  public static String sign(List<WebhookSecret> liveSecrets, String webhookId, long timestampSeconds, String body) {
    if (liveSecrets.isEmpty()) {
      throw new IllegalArgumentException("Signing needs at least one live secret");
    }
    StringJoiner header = new StringJoiner(" ");
    for (WebhookSecret secret : liveSecrets) {
      byte[] mac = hmac(secret, webhookId, timestampSeconds, body);
      header.add(VERSION + "," + Base64.getEncoder().encodeToString(mac));
    }
    return header.toString();
  }

  /**
   * What a receiver does: true when the timestamp is within {@link #TOLERANCE} of {@code clock}
   * and any {@code v1} signature in the header matches, compared in constant time.
   */
  public static boolean verify(WebhookSecret secret, String webhookId, String timestamp, String body,
      String signatureHeader, Clock clock) {
    if (webhookId == null || timestamp == null || body == null || signatureHeader == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = hmac(secret, webhookId, seconds, body);
    boolean matches = false;
    for (String signature : signatureHeader.trim().split(" +")) {
      int comma = signature.indexOf(',');
      if (comma > 0 && signature.substring(0, comma).equals(VERSION)) {
        matches |= MessageDigest.isEqual(expected, decodeOrEmpty(signature.substring(comma + 1)));
      }
    }
    return matches;
  }

  private static byte[] hmac(WebhookSecret secret, String webhookId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] decodeOrEmpty(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
