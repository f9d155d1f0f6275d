package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

  private static String envelope(String text) {
    return Json.createObjectBuilder()
        .add("id", "6b0c6c1e-0000-4000-8000-000000000001").add("type", "message.received")
        .add("created_at", "2026-11-21T10:15:30.123Z").add("organization_id", "org-1").add("app_id", "app-1")
        .add("data", Json.createObjectBuilder()
            .add("message", Json.createObjectBuilder().add("id", "message-1").add("text", text))
            .add("conversation", Json.createObjectBuilder().add("id", "conversation-1").add("status", "open"))
            .add("contact", Json.createObjectBuilder().add("id", "contact-1").add("segments", Json.createArrayBuilder().add("vip")))
            .addNull("assignee"))
        .build().toString();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void anEnvelopeUpTo256KbIsSentAsStored() {
    String small = envelope("hello");
    assertSame(small, WebhookBody.of(small));
    String justUnder = envelope("x".repeat(WebhookBody.MAX_BYTES - envelope("").length()));
    assertEquals(WebhookBody.MAX_BYTES, justUnder.getBytes(StandardCharsets.UTF_8).length);
    assertSame(justUnder, WebhookBody.of(justUnder));
  }

  @Test
  void aLargerEnvelopeKeepsItsHeadAndTheIdsOfItsObjectsAndSaysItIsTruncated() {
    String large = envelope("é".repeat(WebhookBody.MAX_BYTES / 2));
    assertTrue(large.length() <= WebhookBody.MAX_BYTES, "over the limit in bytes, not in characters");

    JsonObject compact = parse(WebhookBody.of(large));

    assertTrue(compact.getBoolean("truncated"));
    assertEquals("6b0c6c1e-0000-4000-8000-000000000001", compact.getString("id"));
    assertEquals("message.received", compact.getString("type"));
    assertEquals("2026-11-21T10:15:30.123Z", compact.getString("created_at"));
    assertEquals("org-1", compact.getString("organization_id"));
    assertEquals("app-1", compact.getString("app_id"));
    JsonObject data = compact.getJsonObject("data");
    assertEquals(parse("{\"id\":\"message-1\"}"), data.getJsonObject("message"));
    assertEquals(parse("{\"id\":\"conversation-1\"}"), data.getJsonObject("conversation"));
    assertEquals(parse("{\"id\":\"contact-1\"}"), data.getJsonObject("contact"));
    assertTrue(data.isNull("assignee"));
    assertFalse(WebhookBody.of(large).contains("é"));
  }
}
