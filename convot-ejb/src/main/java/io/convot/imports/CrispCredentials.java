package io.convot.imports;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A Crisp plugin token pair; sealed at rest, bound to its organization and import. Never printed. */
record CrispCredentials(String identifier, String key) {

  String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString((identifier + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The text sealed: the identifier cannot hold a line break (it is checked), the key follows it. */
  String text() {
    return identifier + "\n" + key;
  }

  static CrispCredentials of(String text) {
    int split = text.indexOf('\n');
    return new CrispCredentials(text.substring(0, split), text.substring(split + 1));
  }

  static String context(UUID organizationId, UUID importId) {
    return "crisp-credentials:" + organizationId + ":" + importId;
  }

  @Override
  public String toString() {
    return "CrispCredentials[hidden]";
  }
}
