package io.convot.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Named AES-256 keys, parsed from {@code id:base64key[,id:base64key...]}. The first key seals new
 * secrets; the others only open what they sealed before a rotation.
 */
public final class KeyRing {

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final String activeId;
  private final Map<String, SecretKey> keys;

  private KeyRing(String activeId, Map<String, SecretKey> keys) {
    this.activeId = activeId;
    this.keys = keys;
  }

  /** Parses a key list; the message of a failure never contains key material. */
  public static KeyRing parse(String spec) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String first = null;
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String id = colon < 0 ? "" : trimmed.substring(0, colon);
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("Each encryption key is id:base64 with an id of letters, digits, '.', '_' or '-'");
      }
      byte[] material;
      try {
        material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Encryption key " + id + " is not valid base64");
      }
      if (material.length != 32) {
        throw new IllegalArgumentException("Encryption key " + id + " must be 32 bytes (256 bits), base64-encoded");
      }
      if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
        throw new IllegalArgumentException("Encryption key id " + id + " appears twice");
      }
      first = first == null ? id : first;
    }
    if (first == null) {
      throw new IllegalArgumentException("No encryption key configured");
    }
    return new KeyRing(first, Map.copyOf(keys));
  }

  public String activeId() {
    return activeId;
  }

  SecretKey active() {
    return keys.get(activeId);
  }

  Optional<SecretKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }
}
