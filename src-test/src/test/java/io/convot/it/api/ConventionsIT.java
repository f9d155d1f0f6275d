package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every response shares: X-Request-Id, problem+json errors, snake_case JSON. */
class ConventionsIT {

  @Test
  void generatesARequestIdWhenNoneIsSent() {
    Owner owner = Organizations.signUp("Request ids");

    String first = owner.api().get("/api/v1/me").header("X-Request-Id");
    String second = owner.api().get("/api/v1/me").header("X-Request-Id");

    assertNotNull(first);
    assertFalse(first.isBlank());
    assertNotNull(second);
    assertNotEquals(first, second);
  }

  @Test
  void echoesTheSentRequestIdOnSuccessAndError() {
    Owner owner = Organizations.signUp("Echo");
    String sent = "it-" + UUID.randomUUID();

    Api.Reply ok = owner.api().header("X-Request-Id", sent).get("/api/v1/me");
    Api.Reply error = Api.anonymous().header("X-Request-Id", sent).get("/api/v1/me");

    assertEquals(200, ok.status(), ok::toString);
    assertEquals(sent, ok.header("X-Request-Id"));
    assertEquals(sent, error.header("X-Request-Id"));
    assertEquals(sent, assertProblem(error, 401, "unauthenticated").getString("request_id"));
  }

  @Test
  void errorsAreProblemJsonWithAllStandardMembers() {
    Api.Reply reply = Api.anonymous().get("/api/v1/apps");

    JsonObject problem = assertProblem(reply, 401, "unauthenticated");
    assertFalse(problem.getString("type").isBlank());
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    assertEquals(reply.header("X-Request-Id"), problem.getString("request_id"));
  }

  @Test
  void validationProblemListsFieldCodeAndMessage() {
    Owner owner = Organizations.signUp("Validation shape");

    Api.Reply reply = owner.api().post("/api/v1/apps", "{\"name\": \"\"}");

    assertProblem(reply, 422, "validation_failed");
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("name", error.getString("field"));
    assertFalse(error.getString("code").isBlank());
    assertFalse(error.getString("message").isBlank());
  }

  @Test
  void unknownPathIsANotFoundProblem() {
    Owner owner = Organizations.signUp("Unknown path");

    Api.Reply reply = owner.api().get("/api/v1/no-such-resource");

    assertProblem(reply, 404, "not_found");
    assertNotNull(reply.header("X-Request-Id"));
  }

  @Test
  void jsonKeysAreSnakeCase() {
    Owner owner = Organizations.signUp("Snake case");

    JsonObject app = Organizations.createApp(owner.api(), "Keys");

    assertTrue(app.keySet().containsAll(Set.of("app_key", "allowed_origins", "require_identity_verification",
        "shopify_app_id", "created_at", "updated_at")), app::toString);
    assertTrue(app.keySet().stream().allMatch(key -> key.matches("[a-z0-9_]+")), app::toString);
  }
}
