package io.convot.event;

import java.util.UUID;

/**
 * Fired, inside the change's transaction, once an event is in the outbox: its row's id, and the
 * event itself for those who act on what it says (notifications) without reading the row back.
 */
public record EventRecorded(UUID organizationId, UUID eventId, OutboxEvent event) {}
