package io.convot.contact;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An agent's edit of a contact: profile fields, session data entries and segments. */
public record ContactChanges(Profile profile, Map<String, String> data, Optional<List<String>> segments) {}
