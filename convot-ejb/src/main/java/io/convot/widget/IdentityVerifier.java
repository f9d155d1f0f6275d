package io.convot.widget;

import io.convot.app.App;
import io.convot.contact.Identity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a visitor's {@code user_hash}: lowercase hex HMAC-SHA256 of the external id (else the
 * email) under the app's identity secret, compared in constant time against every live secret.
 */
public final class IdentityVerifier {

  private IdentityVerifier() {}

  public static boolean verifies(App app, Identity identity, String userHash) {
    if (identity.isAnonymous()) {
      return false;
    }
    return signedBy(app, identity.signedValue(), userHash);
  }

  /** Whether {@code hash} is the HMAC of {@code value} under one of the app's live identity secrets. */
  public static boolean signedBy(App app, String value, String hash) {
    if (hash == null || hash.isBlank()) {
      return false;
    }
    byte[] presented = hash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    boolean matches = false;
    for (String secret : app.liveIdentitySecrets()) {
      byte[] expected = sign(secret, value).getBytes(StandardCharsets.US_ASCII);
      matches |= MessageDigest.isEqual(expected, presented);
    }
    return matches;
  }

  public static String sign(String secret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
