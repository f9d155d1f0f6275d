package io.convot.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists the tokens, agent-initiated conversations, unassign, inbox and snippet endpoints. */
class OpenApiEndpointsIT {

  @Test
  void theDocumentDescribesTheNewerEndpoints() {
    Api.Reply reply = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, reply.status(), reply::toString);
    JsonObject paths = reply.json().getJsonObject("paths");

    assertTrue(paths.getJsonObject("/api/v1/tokens").containsKey("post"), () -> "paths: " + paths.keySet());
    assertTrue(paths.getJsonObject("/api/v1/tokens").containsKey("get"));
    assertTrue(paths.getJsonObject("/api/v1/tokens/{id}").containsKey("delete"));
    assertTrue(paths.getJsonObject("/api/v1/conversations").containsKey("post"));
    assertTrue(paths.getJsonObject("/api/v1/conversations/{id}/unassign").containsKey("post"));
    assertTrue(paths.getJsonObject("/api/v1/conversations/{id}/read").containsKey("post"));
    assertTrue(paths.getJsonObject("/api/v1/conversations/counts").containsKey("get"));
    String list = paths.getJsonObject("/api/v1/conversations").getJsonObject("get").toString();
    assertTrue(list.contains("last_message") && list.contains("assignee_id=me"), list);
    for (String withSchema : List.of("/api/v1/conversations", "/api/v1/conversations/counts", "/api/v1/conversations/{id}")) {
      JsonObject responses = paths.getJsonObject(withSchema).getJsonObject("get").getJsonObject("responses");
      assertTrue(responses.containsKey("200") && responses.getJsonObject("200").containsKey("content"),
          () -> withSchema + " answers no schema: " + responses);
    }
    assertTrue(paths.getJsonObject("/api/v1/apps/{id}/snippet").containsKey("get"));
    String contacts = paths.getJsonObject("/api/v1/contacts").getJsonObject("get").toString();
    assertTrue(contacts.contains("\"shop\""), contacts);
    String messages = paths.getJsonObject("/api/v1/conversations/{id}/messages").getJsonObject("get").toString();
    assertTrue(messages.contains("\"updated_since\""), messages);
  }
}
