package io.convot.it.api;

import io.convot.it.support.ProblemAssert;
import static io.convot.it.support.ProblemAssert.assertFieldError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apps: create, read, list, update, delete, rotate the identity secret, and what is refused. */
class AppsIT {

  private static int appCount(Api api) {
    Api.Reply list = api.get("/api/v1/apps");
    assertEquals(200, list.status(), list::toString);
    return list.json().getJsonArray("data").size();
  }

  @Test
  void createsAppWithDefaultsAndLocation() {
    Owner owner = Organizations.signUp("Apps");

    Api.Reply reply = owner.api().post("/api/v1/apps", "{\"name\": \"Reviews\"}");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject app = reply.json();
    String id = app.getString("id");
    assertTrue(reply.header("Location").endsWith("/api/v1/apps/" + id), () -> "Location: " + reply.header("Location"));
    assertEquals("Reviews", app.getString("name"));
    assertFalse(app.getString("app_key").isBlank());
    assertFalse(app.getString("identity_secret").isBlank());
    assertFalse(app.getBoolean("require_identity_verification"));
    assertEquals(Json.createArrayBuilder().add("https://*.myshopify.com").build(), app.getJsonArray("allowed_origins"));
    assertTrue(app.isNull("shopify_app_id"));
    assertNotNull(app.getString("created_at"));
    assertNotNull(app.getString("updated_at"));
  }

  @Test
  void createdAppCanBeReadAndIsListed() {
    Owner owner = Organizations.signUp("Read apps");
    JsonObject created = Organizations.createApp(owner.api(), "Upsell");

    Api.Reply read = owner.api().get("/api/v1/apps/" + created.getString("id"));
    Api.Reply list = owner.api().get("/api/v1/apps");

    assertEquals(200, read.status(), read::toString);
    assertEquals(created, read.json());
    assertEquals(200, list.status(), list::toString);
    assertEquals(Json.createArrayBuilder().add(created).build(), list.json().getJsonArray("data"));
    assertTrue(list.isNull("next_cursor"));
  }

  @Test
  void updatesOnlyTheFieldsSent() {
    Owner owner = Organizations.signUp("Update apps");
    JsonObject created = Organizations.createApp(owner.api(), "Old name");

    Api.Reply reply = owner.api().patch("/api/v1/apps/" + created.getString("id"), """
        {"name": "New name", "allowed_origins": ["https://admin.example.com"], "require_identity_verification": true}
        """);

    assertEquals(200, reply.status(), reply::toString);
    JsonObject app = reply.json();
    assertEquals("New name", app.getString("name"));
    assertEquals(Json.createArrayBuilder().add("https://admin.example.com").build(), app.getJsonArray("allowed_origins"));
    assertTrue(app.getBoolean("require_identity_verification"));
    assertEquals(created.getString("app_key"), app.getString("app_key"));
    assertEquals(app, owner.api().get("/api/v1/apps/" + created.getString("id")).json());
  }

  @Test
  void deletedAppIsGoneOnceItsGracePeriodIsOver() {
    Owner owner = Organizations.signUp("Delete apps");
    String id = Organizations.createApp(owner.api(), "Doomed").getString("id");

    Api.Reply reply = owner.api().delete("/api/v1/apps/" + id);

    assertEquals(204, reply.status(), reply::toString);
    assertFalse(owner.api().get("/api/v1/apps/" + id).isNull("purge_after"));
    assertEquals(1, appCount(owner.api()));
    io.convot.it.support.Eventually.await(() -> owner.api().get("/api/v1/apps/" + id).status(), status -> status == 404,
        Duration.ofSeconds(60), "the app's deletion (its grace period is 15 s on the test server)");
    assertProblem(owner.api().get("/api/v1/apps/" + id), 404, "not_found");
    assertEquals(0, appCount(owner.api()));
  }

  @Test
  void rotatingIdentitySecretIssuesANewOneAndKeepsTheAppKey() {
    Owner owner = Organizations.signUp("Rotate");
    JsonObject created = Organizations.createApp(owner.api(), "Secretive");
    assertFalse(created.containsKey("previous_identity_secret_valid_until"), created::toString);

    Instant before = Instant.now();
    Api.Reply reply = owner.api().post("/api/v1/apps/" + created.getString("id") + "/identity-secret/rotate", null);

    assertEquals(200, reply.status(), reply::toString);
    assertNotEquals(created.getString("identity_secret"), reply.string("identity_secret"));
    assertEquals(created.getString("app_key"), reply.string("app_key"));
    Instant graceEnds = Instant.parse(reply.string("previous_identity_secret_valid_until"));
    assertTrue(Duration.between(before, graceEnds).compareTo(Duration.ofHours(24).minusMinutes(1)) > 0
        && Duration.between(before, graceEnds).compareTo(Duration.ofHours(24).plusMinutes(1)) < 0,
        () -> "the previous secret verifies for the 24 h grace period: " + graceEnds);
  }

  @Test
  void malformedJsonIsABadRequestAndCreatesNothing() {
    Owner owner = Organizations.signUp("Malformed");

    Api.Reply reply = owner.api().post("/api/v1/apps", "{\"name\": ");

    assertProblem(reply, 400, "malformed_request");
    assertEquals(0, appCount(owner.api()));
  }

  @Test
  void emptyNameIsAFieldErrorAndCreatesNothing() {
    Owner owner = Organizations.signUp("Empty name");

    Api.Reply reply = owner.api().post("/api/v1/apps", "{\"name\": \"\"}");

    assertProblem(reply, 422, "validation_failed");
    assertFieldError(reply, "name");
    assertEquals(0, appCount(owner.api()));
  }

  @Test
  void invalidOriginIsAFieldErrorAtItsIndexAndCreatesNothing() {
    Owner owner = Organizations.signUp("Bad origin");

    Api.Reply reply = owner.api().post("/api/v1/apps", """
        {"name": "Widget", "allowed_origins": ["https://shop.example.com", "not an origin"]}
        """);

    assertProblem(reply, 422, "validation_failed");
    assertEquals(List.of("allowed_origins[1]"), ProblemAssert.fieldsInError(reply));
    assertEquals(0, appCount(owner.api()));
  }

  @Test
  void agentCannotCreateApps() {
    Owner owner = Organizations.signUp("Agent apps");
    Team.Joined agent = Team.join(owner, "agent");

    Api.Reply reply = agent.api().post("/api/v1/apps", "{\"name\": \"Not allowed\"}");

    assertProblem(reply, 403, "insufficient_role");
    assertEquals(0, appCount(owner.api()));
  }

  @Test
  void agentReadsAppsWithoutTheIdentitySecret() {
    Owner owner = Organizations.signUp("Agent reads");
    String id = Organizations.createApp(owner.api(), "Visible").getString("id");
    Team.Joined agent = Team.join(owner, "agent");

    Api.Reply read = agent.api().get("/api/v1/apps/" + id);
    Api.Reply list = agent.api().get("/api/v1/apps");

    assertEquals(200, read.status(), read::toString);
    assertEquals("Visible", read.string("name"));
    assertFalse(read.json().containsKey("identity_secret"), read::toString);
    assertEquals(200, list.status(), list::toString);
    assertFalse(list.json().getJsonArray("data").getJsonObject(0).containsKey("identity_secret"), list::toString);
    owner.api().post("/api/v1/apps/" + id + "/identity-secret/rotate", null);
    assertFalse(agent.api().get("/api/v1/apps/" + id).json().containsKey("previous_identity_secret_valid_until"),
        "an agent learns nothing of a rotation's grace period either");
  }
}
