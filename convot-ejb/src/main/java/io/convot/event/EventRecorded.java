package io.convot.event;

import java.util.UUID;

/** Fired, inside the change's transaction, once an event is in the outbox. */
public record EventRecorded(UUID organizationId, UUID eventId) {}
