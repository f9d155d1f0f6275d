package io.convot.webhook;

import io.convot.crypto.SecretBox;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps an endpoint's signing secrets sealed in the database (AES-256-GCM under the configured
 * encryption keys), so that a dump of {@code webhook_endpoints} holds no secret that signs. A value
 * stored before secrets were sealed ({@code whsec_...}) is still read, and sealed when next written.
 */
@Converter
public class SealedSecretConverter implements AttributeConverter<String, String> {

  private static final String CONTEXT = "webhook-endpoint-secret";
  private static final String PLAIN_PREFIX = "whsec_";

  @Override
  public String convertToDatabaseColumn(String secret) {
    return secret == null ? null : box().seal(secret, CONTEXT);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    if (stored == null || stored.startsWith(PLAIN_PREFIX)) {
      return stored;
    }
    return box().open(stored, CONTEXT);
  }

  private static SecretBox box() {
    return CDI.current().select(SecretBox.class).get();
  }
}
