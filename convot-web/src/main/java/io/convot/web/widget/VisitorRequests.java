package io.convot.web.widget;

import io.convot.contact.Identity;
import io.convot.contact.Profile;
import io.convot.web.contact.ContactResource;
import io.convot.web.json.NotNullable;
import io.convot.widget.VisitorProfile;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the widget's request bodies and its bearer session token. */
final class VisitorRequests {

  private static final String BEARER = "Bearer ";

  private VisitorRequests() {}

  /** The session token, or {@code null} when none was sent. */
  static String sessionToken(HttpHeaders headers) {
    return sessionToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  static String sessionToken(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).trim();
  }

  /** Who the visitor says they are; a field left out is not told, and none can be null. */
  public record VisitorUser(@NotNullable String email, @NotNullable String externalId, @NotNullable String nickname,
      @NotNullable String avatar, @NotNullable String phone, @NotNullable JsonObject company) {}

  /** {@code {user?: {...}, user_hash?, data?: {...}, segments?: [...], segments_overwrite?}}. */
  static VisitorProfile visitor(VisitorUser user, String userHash, Map<String, JsonValue> data, List<String> segments,
      Boolean segmentsOverwrite) {
    Identity identity = user == null ? Identity.ANONYMOUS : new Identity(user.externalId(), user.email());
    Profile profile = user == null ? Profile.NONE : new Profile(Optional.ofNullable(user.nickname()),
        Optional.ofNullable(user.avatar()), Optional.ofNullable(user.phone()), Optional.ofNullable(user.company()).map(JsonObject::toString));
    return new VisitorProfile(identity, userHash, profile, ContactResource.data(data), Optional.ofNullable(segments),
        Boolean.TRUE.equals(segmentsOverwrite));
  }
}
