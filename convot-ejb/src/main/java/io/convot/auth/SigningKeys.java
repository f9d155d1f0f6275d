package io.convot.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs sign-in tokens. Both halves come from configuration: the private key
 * from {@code convot.jwt.private-key-location}, the public one from MicroProfile JWT's
 * {@code mp.jwt.verify.publickey.location}. In development, missing keys are generated on first
 * start (with a warning); in production the application refuses to start without them.
 */
@Singleton
@Startup
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  @Inject
  @ConfigProperty(name = "convot.environment", defaultValue = "development")
  String environment;

  @Inject
  @ConfigProperty(name = "convot.jwt.private-key-location")
  String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String publicKeyLocation;

  private PrivateKey privateKey;

  @PostConstruct
  void load() {
    Path privatePath = Path.of(privateKeyLocation);
    Path publicPath = Path.of(publicKeyLocation);
    try {
      if (!Files.exists(privatePath) && !Files.exists(publicPath)) {
        if ("production".equals(environment)) {
          throw new IllegalStateException("Convot refuses to start in production without JWT signing keys: set "
              + "CONVOT_JWT_PRIVATE_KEY_LOCATION and MP_JWT_VERIFY_PUBLICKEY_LOCATION to PEM files");
        }
        generate(privatePath, publicPath);
      }
      privateKey = readPrivateKey(privatePath);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("The JWT signing keys could not be read from " + privatePath + " and " + publicPath, e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  private static void generate(Path privatePath, Path publicPath) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.createDirectories(privatePath.toAbsolutePath().getParent());
    Files.createDirectories(publicPath.toAbsolutePath().getParent());
    Files.writeString(privatePath, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system: the file keeps the directory's permissions.
    }
    Files.writeString(publicPath, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    LOG.warning(() -> "DEVELOPMENT ONLY: generated a new JWT signing key pair in " + privatePath.getParent()
        + ". Production needs configured keys (CONVOT_JWT_PRIVATE_KEY_LOCATION, MP_JWT_VERIFY_PUBLICKEY_LOCATION).");
  }

  private static PrivateKey readPrivateKey(Path path) throws IOException, GeneralSecurityException {
    String pem = Files.readString(path, StandardCharsets.US_ASCII)
        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
        .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
