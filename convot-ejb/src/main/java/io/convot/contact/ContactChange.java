package io.convot.contact;

import io.convot.event.EventType;
import io.convot.event.OutboxEvent;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.UUID;

/** The outbox events of contacts (not the custom events a contact does, {@link ContactEvent}). */
public sealed interface ContactChange extends OutboxEvent {

  record ContactCreated(@JsonbTransient UUID appId, ContactView contact) implements ContactChange {
    @Override
    public EventType type() {
      return EventType.CONTACT_CREATED;
    }
  }

  record ContactIdentified(@JsonbTransient UUID appId, ContactView contact, boolean verified) implements ContactChange {
    @Override
    public EventType type() {
      return EventType.CONTACT_IDENTIFIED;
    }
  }
}
