package io.convot.notification;

import io.convot.crypto.SecretBox;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps a channel's incoming-webhook URL sealed in the database (AES-256-GCM under the configured
 * encryption keys), as webhook signing secrets are: whoever holds a Slack or Discord webhook URL can
 * post to that channel, so a dump of {@code notification_channels} must not hold one.
 */
@Converter
public class SealedUrlConverter implements AttributeConverter<String, String> {

  private static final String CONTEXT = "notification-channel-url";

  private volatile SecretBox box;

  @Override
  public String convertToDatabaseColumn(String url) {
    return url == null ? null : box().seal(url, CONTEXT);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return stored == null ? null : box().open(stored, CONTEXT);
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
