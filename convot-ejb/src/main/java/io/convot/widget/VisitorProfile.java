package io.convot.widget;

import io.convot.contact.Identity;
import io.convot.contact.Profile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the widget says about its visitor: identity (signed or not), profile, session data and
 * segments. Every part may be absent.
 */
public record VisitorProfile(Identity identity, String userHash, Profile profile, Map<String, String> data,
    Optional<List<String>> segments, boolean overwriteSegments) {

  public static VisitorProfile identityOnly(Identity identity, String userHash, Profile profile) {
    return new VisitorProfile(identity, userHash, profile, Map.of(), Optional.empty(), false);
  }
}
