package io.convot.imports;

import io.convot.common.Validation;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code POST /imports}: the source (Crisp), the app to import into, the Crisp website and a plugin token pair. */
public record ImportRequest(String source, UUID appId, String websiteId, String identifier, String key) {

  private static final Pattern WEBSITE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
  private static final int LONGEST_SECRET = 500;

  void check() {
    Validation validation = new Validation();
    validation.require(source != null, "source", "required", "source is required (\"crisp\")");
    validation.require(source == null || "crisp".equals(source), "source", "invalid_value", "source must be \"crisp\"");
    validation.require(appId != null, "app_id", "required", "app_id is required");
    validation.require(websiteId != null && !websiteId.isBlank(), "website_id", "required", "website_id is required");
    validation.require(websiteId == null || websiteId.isBlank() || WEBSITE_ID.matcher(websiteId).matches(), "website_id",
        "invalid_format", "website_id is the id in your Crisp dashboard's address (letters, digits and dashes)");
    validation.text(identifier, "identifier", LONGEST_SECRET);
    validation.text(key, "key", LONGEST_SECRET);
    validation.require(identifier == null || (identifier.strip().equals(identifier) && identifier.chars().noneMatch(Character::isISOControl)),
        "identifier", "invalid_format", "identifier must not start or end with spaces or hold control characters");
    validation.require(key == null || key.strip().equals(key), "key", "invalid_format", "key must not start or end with spaces");
    validation.throwIfInvalid();
  }

  CrispCredentials credentials() {
    return new CrispCredentials(identifier, key);
  }

  @Override
  public String toString() {
    return "ImportRequest[" + source + ", " + appId + ", " + websiteId + ", credentials hidden]";
  }
}
