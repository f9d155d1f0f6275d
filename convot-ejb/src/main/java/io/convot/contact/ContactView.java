package io.convot.contact;

import io.convot.common.JsonText;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** A contact on the wire (REST and webhook payloads alike). */
public record ContactView(
    UUID id,
    UUID appId,
    String externalId,
    String email,
    boolean verified,
    String nickname,
    String avatar,
    String phone,
    JsonValue company,
    Map<String, JsonValue> data,
    List<String> segments,
    Instant createdAt,
    Instant updatedAt) {

  public static ContactView of(Contact contact) {
    return of(contact, contact.data(), contact.segments());
  }

  /**
   * Like {@link #of(Contact)}, with the contact's data and segments as a query read them beside the
   * contact, in JSON ({@code {key: value as JSON text}} and {@code [segment, ...]}, null for none), so
   * its collections are not loaded one query each.
   */
  public static ContactView of(Contact contact, String dataJson, String segmentsJson) {
    Map<String, String> data = new TreeMap<>();
    if (dataJson != null) {
      JsonText.readObject(dataJson).forEach((key, value) -> data.put(key, ((JsonString) value).getString()));
    }
    Set<String> segments = new TreeSet<>();
    if (segmentsJson != null) {
      JsonText.read(segmentsJson).asJsonArray().forEach(segment -> segments.add(((JsonString) segment).getString()));
    }
    return of(contact, data, segments);
  }

  /** {@code data} and {@code segments} in their order on the wire (by key, by name). */
  private static ContactView of(Contact contact, Map<String, String> sessionData, Set<String> segments) {
    Map<String, JsonValue> data = new LinkedHashMap<>();
    sessionData.forEach((key, json) -> data.put(key, JsonText.read(json)));
    return new ContactView(contact.id(), contact.appId(), contact.externalId(), contact.email(), contact.verified(),
        contact.nickname(), contact.avatar(), contact.phone(),
        contact.company() == null ? JsonValue.NULL : JsonText.read(contact.company()),
        data, List.copyOf(segments), contact.createdAt(), contact.updatedAt());
  }
}
