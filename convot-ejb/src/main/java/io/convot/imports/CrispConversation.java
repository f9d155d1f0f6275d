package io.convot.imports;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Crisp conversation from a page of the list, with who the visitor was ({@code meta}). */
record CrispConversation(String sessionId, String state, long createdAt, long updatedAt, String email, String nickname,
    String phone, String avatar, List<String> segments, Map<String, String> data) {

  static CrispConversation of(JsonObject json) {
    JsonObject meta = CrispJson.object(json, "meta");
    return new CrispConversation(CrispJson.text(json, "session_id"), CrispJson.text(json, "state"),
        CrispJson.number(json, "created_at"), CrispJson.number(json, "updated_at"), CrispJson.text(meta, "email"),
        CrispJson.text(meta, "nickname"), CrispJson.text(meta, "phone"), CrispJson.text(meta, "avatar"),
        CrispJson.texts(meta, "segments"), data(CrispJson.object(meta, "data")));
  }

  /** Session data: scalar values kept as JSON text, as a contact's session data is. */
  private static Map<String, String> data(JsonObject data) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (data == null) {
      return kept;
    }
    data.forEach((key, value) -> {
      boolean scalar = value instanceof JsonString || value instanceof jakarta.json.JsonNumber
          || value == JsonValue.TRUE || value == JsonValue.FALSE;
      if (scalar && !key.isBlank() && key.length() <= 100 && value.toString().length() <= 2000) {
        kept.put(key, value.toString());
      }
    });
    return kept;
  }

  boolean isResolved() {
    return "resolved".equals(state);
  }

  String sourceKey() {
    return "crisp:" + sessionId;
  }

  /** The key of the contact made for a conversation whose visitor left no email. */
  String contactSourceKey() {
    return "crisp:session:" + sessionId;
  }
}
