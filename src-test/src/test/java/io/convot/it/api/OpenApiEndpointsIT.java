package io.convot.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document: the newer endpoints (tokens, agent-initiated conversations, unassign,
 * inbox, snippet), the rate limit on every operation of the REST API, and the precise shapes of
 * the app fields a change may clear.
 */
class OpenApiEndpointsIT {

  private static final List<String> LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

  private static JsonObject document() {
    Api.Reply reply = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void theDocumentDescribesTheNewerEndpoints() {
    JsonObject paths = document().getJsonObject("paths");

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

  @Test
  void everyOperationDocumentsTheRateLimitHeadersAndThe429Problem() {
    JsonObject document = document();
    JsonObject components = document.getJsonObject("components");
    List<String> operations = new ArrayList<>();
    document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
      if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
        return;
      }
      operations.add(method + " " + path);
      JsonObject responses = value.asJsonObject().getJsonObject("responses");
      assertEquals("#/components/responses/RateLimited", responses.getJsonObject("429").getString("$ref"), method + " " + path);
      responses.forEach((status, response) -> {
        if (!status.equals("429")) {
          JsonObject headers = response.asJsonObject().getJsonObject("headers");
          for (String header : LIMIT_HEADERS) {
            assertEquals("#/components/headers/" + header, headers.getJsonObject(header).getString("$ref"), method + " " + path + " " + status);
          }
        }
      });
    }));
    assertTrue(operations.size() >= 45, () -> "only " + operations);
    assertTrue(operations.contains("post /api/v1/me/password") && operations.contains("post /api/v1/auth/login"), operations::toString);

    JsonObject limited = components.getJsonObject("responses").getJsonObject("RateLimited");
    assertTrue(limited.getString("description").startsWith("rate_limited"), limited::toString);
    assertEquals("#/components/headers/Retry-After", limited.getJsonObject("headers").getJsonObject("Retry-After").getString("$ref"));
    assertTrue(components.getJsonObject("headers").getJsonObject("Retry-After").getBoolean("required"));
    for (String header : List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
      assertEquals("#/components/headers/" + header, limited.getJsonObject("headers").getJsonObject(header).getString("$ref"));
      assertEquals("integer", components.getJsonObject("headers").getJsonObject(header).getJsonObject("schema").getString("type"), header);
    }
    assertEquals("#/components/schemas/Problem", limited.getJsonObject("content").getJsonObject("application/problem+json")
        .getJsonObject("schema").getString("$ref"));
    JsonObject problem = components.getJsonObject("schemas").getJsonObject("Problem");
    assertEquals(Set.of("type", "title", "status", "detail", "code", "request_id", "errors"), problem.getJsonObject("properties").keySet());
  }

  @Test
  void theFieldsAChangeMayClearHaveTheirShapeAndMayBeNull() {
    JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
    for (String body : List.of("NewAppBody", "AppPatch", "AppView")) {
      JsonObject properties = schemas.getJsonObject(body).getJsonObject("properties");
      assertEquals("#/components/schemas/ShopifyAppId", properties.getJsonObject("shopify_app_id").getString("$ref"), body);
      assertEquals("#/components/schemas/OfficeHours", properties.getJsonObject("office_hours").getString("$ref"), body);
      assertTrue(properties.containsKey("allowed_origins"), () -> body + ": the other fields are there too, snake_case: " + properties);
    }

    JsonObject shopifyAppId = schemas.getJsonObject("ShopifyAppId");
    assertEquals("string", shopifyAppId.getString("type"));
    assertTrue(shopifyAppId.getBoolean("nullable"));
    Pattern appId = Pattern.compile(shopifyAppId.getString("pattern"));
    assertTrue(appId.matcher("gid://partners/App/4242").matches() && appId.matcher("4242").matches());
    assertFalse(appId.matcher("<script>").matches());

    JsonObject officeHours = schemas.getJsonObject("OfficeHours");
    assertEquals("object", officeHours.getString("type"));
    assertTrue(officeHours.getBoolean("nullable"));
    assertEquals(Set.of("timezone", "days"), Set.copyOf(officeHours.getJsonArray("required").getValuesAs(JsonString::getString)));
    assertEquals("string", officeHours.getJsonObject("properties").getJsonObject("timezone").getString("type"));
    JsonObject days = officeHours.getJsonObject("properties").getJsonObject("days");
    assertEquals(Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), days.getJsonObject("properties").keySet());
    assertFalse(days.getBoolean("additionalProperties"));

    // What the API writes back fits the documented shape.
    Organizations.Owner owner = Organizations.signUp("Documented Hours");
    Api.Reply created = owner.api().post("/api/v1/apps", """
        {"name": "Hours", "allowed_origins": ["https://hours.example"], "shopify_app_id": "gid://partners/App/7",
         "office_hours": {"timezone": "Europe/Paris", "days": {"mon": [["09:00", "12:00"], ["13:30", "24:00"]], "sat": []}}}""");
    assertEquals(201, created.status(), created::toString);
    assertTrue(appId.matcher(created.json().getString("shopify_app_id")).matches());
    assertFitsOfficeHours(days, created.json().getJsonObject("office_hours").getJsonObject("days"));
    Api.Reply cleared = owner.api().patch("/api/v1/apps/" + created.json().getString("id"), "{\"office_hours\": null, \"shopify_app_id\": null}");
    assertEquals(200, cleared.status(), cleared::toString);
    assertEquals(JsonValue.NULL, cleared.json().get("office_hours"));
    assertEquals(JsonValue.NULL, cleared.json().get("shopify_app_id"));
  }

  private static void assertFitsOfficeHours(JsonObject documentedDays, JsonObject days) {
    assertEquals(Set.of("mon", "sat"), days.keySet());
    days.forEach((day, intervals) -> {
      JsonObject interval = documentedDays.getJsonObject("properties").getJsonObject(day).getJsonObject("items");
      Pattern time = Pattern.compile(interval.getJsonObject("items").getString("pattern"));
      for (JsonValue pair : intervals.asJsonArray()) {
        JsonArray times = pair.asJsonArray();
        assertTrue(times.size() >= interval.getInt("minItems") && times.size() <= interval.getInt("maxItems"), times::toString);
        times.getValuesAs(JsonString::getString).forEach(t -> assertTrue(time.matcher(t).matches(), t));
      }
    });
  }
}
