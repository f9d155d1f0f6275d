package io.convot.web.widget;

import io.convot.common.Validation;
import io.convot.contact.Identity;
import io.convot.web.contact.ContactResource;
import io.convot.web.json.JsonFields;
import io.convot.widget.VisitorProfile;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;

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

  /** {@code {user?: {...}, user_hash?, data?: {...}, segments?: [...], segments_overwrite?}}. */
  static VisitorProfile visitor(JsonFields fields, Validation validation) {
    JsonFields user = fields.object("user").orElse(new JsonFields(JsonObject.EMPTY_JSON_OBJECT, validation))
        .onlyKnown("email", "external_id", "nickname", "avatar", "phone", "company");
    Identity identity = new Identity(user.string("external_id").orElse(null), user.string("email").orElse(null));
    return new VisitorProfile(identity, fields.string("user_hash").orElse(null), ContactResource.profile(user),
        fields.scalars("data"), fields.strings("segments"), fields.bool("segments_overwrite").orElse(false));
  }

  static JsonFields fields(JsonObject body, Validation validation, String... known) {
    return new JsonFields(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, validation).onlyKnown(known);
  }
}
