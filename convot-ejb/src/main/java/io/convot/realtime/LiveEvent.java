package io.convot.realtime;

import java.util.UUID;

/**
 * One live update. {@code payload} is JSON text ({@code {"type": ..., ...}}) as agents receive it;
 * {@code visitorPayload}, when present, is what the conversation's visitor receives instead.
 */
public record LiveEvent(UUID organizationId, UUID contactId, String payload, String visitorPayload) {

  public boolean reachesVisitor() {
    return visitorPayload != null;
  }
}
