package io.convot.it.support;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Sign-in tokens signed the way the test server signs them (RS256 with its development key, issuer
 * {@code convot}, audience {@code convot-api}, the same claims), but with a lifetime of the test's
 * choosing: a token that expires in seconds, without waiting 60 days.
 */
public final class SignedTokens {

  private static final Path PRIVATE_KEY = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"))
      .resolve("usr/servers/convot-test/convot-data/keys/jwt-private.pem");

  private SignedTokens() {}

  /** A token for {@code memberId} of {@code organizationId}, issued now, that expires at {@code expiresAt}. */
  public static String expiringAt(String organizationId, String memberId, String email, String role, Instant expiresAt) {
    long now = Instant.now().getEpochSecond();
    String header = encode(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString());
    String claims = encode(Json.createObjectBuilder()
        .add("iss", "convot")
        .add("aud", Json.createArrayBuilder().add("convot-api"))
        .add("sub", memberId)
        .add("upn", email)
        .add("groups", Json.createArrayBuilder().add(role))
        .add("org", organizationId)
        .add("jti", UUID.randomUUID().toString())
        .add("iat", now)
        .add("exp", expiresAt.getEpochSecond())
        .build().toString());
    String signingInput = header + "." + claims;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a test token", e);
    }
  }

  private static PrivateKey privateKey() {
    try {
      String pem = Files.readString(PRIVATE_KEY, StandardCharsets.US_ASCII)
          .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (Exception e) {
      throw new IllegalStateException("the test server's development key could not be read from " + PRIVATE_KEY, e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
