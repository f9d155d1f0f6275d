package io.convot.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps every {@link UUID} attribute to PostgreSQL's {@code uuid} as the JDBC driver's own
 * {@code java.util.UUID}. It replaces EclipseLink's own UUID conversion,
 * which fails on a NULL column (an unassigned conversation, an API key's message).
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value;
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
  }
}
