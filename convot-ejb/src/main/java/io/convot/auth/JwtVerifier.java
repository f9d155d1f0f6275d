package io.convot.auth;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a sign-in JWT where MicroProfile JWT cannot (a WebSocket's first message), with the
 * same rules: RS256 only, the configured public key, issuer and audience, an expiry.
 */
@ApplicationScoped
public class JwtVerifier {

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  List<String> audiences;

  private volatile JwtConsumer consumer;

  public VerifiedJwt verify(String token) {
    try {
      JwtClaims claims = consumer().processToClaims(token);
      String organization = claims.getStringClaimValue(TokenIssuer.ORGANIZATION_CLAIM);
      return new VerifiedJwt(claims.getJwtId(), UUID.fromString(claims.getSubject()),
          organization == null ? null : UUID.fromString(organization),
          Instant.ofEpochSecond(claims.getIssuedAt().getValue()), Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    } catch (InvalidJwtException | RuntimeException | org.jose4j.jwt.MalformedClaimException e) {
      throw new ConvotException(ErrorCode.TOKEN_INVALID, "The token is malformed, forged or expired");
    }
  }

  private JwtConsumer consumer() {
    if (consumer == null) {
      consumer = new JwtConsumerBuilder()
          .setRequireExpirationTime()
          .setRequireIssuedAt()
          .setRequireSubject()
          .setExpectedIssuer(issuer)
          .setExpectedAudience(audiences.toArray(String[]::new))
          .setVerificationKey(readPublicKey())
          .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
          .build();
    }
    return consumer;
  }

  private PublicKey readPublicKey() {
    try {
      String pem = Files.readString(Path.of(publicKeyLocation)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (Exception e) {
      throw new IllegalStateException("The JWT public key could not be read from " + publicKeyLocation, e);
    }
  }
}
