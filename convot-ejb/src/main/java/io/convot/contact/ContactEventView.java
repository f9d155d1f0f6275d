package io.convot.contact;

import io.convot.common.JsonText;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/** A timeline event on the wire. */
public record ContactEventView(UUID id, UUID contactId, String name, JsonValue data, String color, Instant createdAt) {

  public static ContactEventView of(ContactEvent event) {
    return new ContactEventView(event.id(), event.contactId(), event.name(), JsonText.read(event.data()),
        event.color(), event.createdAt());
  }
}
