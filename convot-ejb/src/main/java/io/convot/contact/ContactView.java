package io.convot.contact;

import io.convot.common.JsonText;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, JsonValue> data = new LinkedHashMap<>();
    contact.data().forEach((key, json) -> data.put(key, JsonText.read(json)));
    return new ContactView(contact.id(), contact.appId(), contact.externalId(), contact.email(), contact.verified(),
        contact.nickname(), contact.avatar(), contact.phone(),
        contact.company() == null ? JsonValue.NULL : JsonText.read(contact.company()),
        data, List.copyOf(contact.segments()), contact.createdAt(), contact.updatedAt());
  }
}
