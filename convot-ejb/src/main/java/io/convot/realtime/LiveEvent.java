package io.convot.realtime;

import java.util.UUID;

/**
 * One message of the realtime topic. A live update: {@code payload} is JSON text
 * ({@code {"type": ..., ...}}) as agents receive it; {@code visitorPayload}, when present, is what the
 * conversation's visitor receives instead; an {@code ephemeral} one (someone typing) changes nothing
 * stored, so agents get it without a cursor and a catch-up never replays it. Or a
 * {@code revocation}: the connections it names are closed. Or an announcement to every visitor of
 * the app {@code appId} ({@code visitorPayload} only), such as its availability.
 */
public record LiveEvent(UUID organizationId, UUID contactId, String payload, String visitorPayload, boolean ephemeral,
    Revocation revocation, UUID appId) {

  public static LiveEvent ofUpdate(UUID organizationId, UUID contactId, String payload, String visitorPayload) {
    return new LiveEvent(organizationId, contactId, payload, visitorPayload, false, null, null);
  }

  public static LiveEvent ofEphemeral(UUID organizationId, UUID contactId, String payload, String visitorPayload) {
    return new LiveEvent(organizationId, contactId, payload, visitorPayload, true, null, null);
  }

  public static LiveEvent ofRevocation(UUID organizationId, Revocation revocation) {
    return new LiveEvent(organizationId, null, null, null, false, revocation, null);
  }

  public static LiveEvent ofAnnouncement(UUID organizationId, UUID appId, String visitorPayload) {
    return new LiveEvent(organizationId, null, null, visitorPayload, true, null, appId);
  }

  public boolean isAnnouncement() {
    return appId != null;
  }

  public boolean reachesVisitor() {
    return visitorPayload != null;
  }
}
