package io.convot.webhook;

import io.convot.crypto.SecretBox;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps an endpoint's signing secrets sealed in the database (AES-256-GCM under the configured
 * encryption keys), so that a dump of {@code webhook_endpoints} holds no secret that signs. A value
 * stored before secrets were sealed ({@code whsec_...}) is still read, and sealed when next written.
 *
 * <p>Every event loads its organization's endpoints, so a sealed value is opened once and then
 * remembered: a new or rotated secret is a new sealed value (its nonce is random), so nothing
 * remembered ever goes stale.
 */
@Converter
public class SealedSecretConverter implements AttributeConverter<String, String> {

  private static final String CONTEXT = "webhook-endpoint-secret";
  private static final String PLAIN_PREFIX = "whsec_";
  /** Far more than the endpoints one server serves; past it, the memory starts again. */
  private static final int REMEMBERED = 10_000;
  private static final Map<String, String> OPENED = new ConcurrentHashMap<>();

  private volatile SecretBox box;

  @Override
  public String convertToDatabaseColumn(String secret) {
    return secret == null ? null : box().seal(secret, CONTEXT);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    if (stored == null || stored.startsWith(PLAIN_PREFIX)) {
      return stored;
    }
    String opened = OPENED.get(stored);
    if (opened == null) {
      opened = box().open(stored, CONTEXT);
      if (OPENED.size() >= REMEMBERED) {
        OPENED.clear();
      }
      OPENED.put(stored, opened);
    }
    return opened;
  }

  private SecretBox box() {
    SecretBox current = box;
    if (current == null) {
      current = CDI.current().select(SecretBox.class).get();
      box = current;
    }
    return current;
  }
}
