package io.convot.event;

import java.util.UUID;

/**
 * An event the outbox writes: a record whose components (except the app id) are the envelope's
 * {@code data}. Each feature keeps its events as a sealed set of records; this interface is not sealed
 * because Java only allows a sealed type to permit classes of its own package in an unnamed module.
 */
public interface OutboxEvent {

  EventType type();

  /** The app the event belongs to, null for an event of the whole organization. Not part of the data. */
  UUID appId();
}
