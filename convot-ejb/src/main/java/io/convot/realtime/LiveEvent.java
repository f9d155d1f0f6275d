package io.convot.realtime;

import java.util.UUID;

/**
 * One message of the realtime topic. A live update: {@code payload} is JSON text
 * ({@code {"type": ..., ...}}) as agents receive it; {@code visitorPayload}, when present, is what the
 * conversation's visitor receives instead. Or a {@code revocation}: the connections it names are closed.
 */
public record LiveEvent(UUID organizationId, UUID contactId, String payload, String visitorPayload, Revocation revocation) {

  public static LiveEvent ofUpdate(UUID organizationId, UUID contactId, String payload, String visitorPayload) {
    return new LiveEvent(organizationId, contactId, payload, visitorPayload, null);
  }

  public static LiveEvent ofRevocation(UUID organizationId, Revocation revocation) {
    return new LiveEvent(organizationId, null, null, null, revocation);
  }

  public boolean reachesVisitor() {
    return visitorPayload != null;
  }
}
