package io.convot.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that seal stored secrets, from {@code convot.encryption.keys} (say the environment
 * variable {@code CONVOT_ENCRYPTION_KEYS=2026-11:<base64 of 32 random bytes>}); the first key seals,
 * every listed key opens. Without the setting, development generates a key file under the data
 * directory on first start (with a warning) and production refuses to start.
 */
@ApplicationScoped
public class EncryptionKeys {

  private static final Logger LOG = Logger.getLogger(EncryptionKeys.class.getName());

  @Inject
  @ConfigProperty(name = "convot.environment", defaultValue = "development")
  String environment;

  @Inject
  @ConfigProperty(name = "convot.encryption.keys")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "convot.encryption.development-key-location")
  String developmentKeyLocation;

  private SecretBox box;

  @PostConstruct
  void load() {
    String spec = configured.filter(value -> !value.isBlank()).orElseGet(this::developmentKeys);
    box = new SecretBox(KeyRing.parse(spec));
  }

  @Produces
  public SecretBox secretBox() {
    return box;
  }

  private String developmentKeys() {
    if ("production".equals(environment)) {
      throw new IllegalStateException("Convot refuses to start in production without encryption keys: set "
          + "CONVOT_ENCRYPTION_KEYS to id:base64 (32 random bytes), e.g. 'k1:'$(openssl rand -base64 32)");
    }
    Path path = Path.of(developmentKeyLocation);
    try {
      if (!Files.exists(path)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, "dev:" + Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // Not a POSIX file system: the file keeps the directory's permissions.
        }
        LOG.warning(() -> "DEVELOPMENT ONLY: generated an encryption key in " + path
            + ". Production needs CONVOT_ENCRYPTION_KEYS.");
      }
      return Files.readString(path, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new IllegalStateException("The development encryption key could not be read or written at " + path, e);
    }
  }
}
