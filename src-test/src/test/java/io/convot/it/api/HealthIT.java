package io.convot.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Health checks and the OpenAPI document. */
class HealthIT {

  @Test
  void readinessIsUpWithDatabaseAndBrokerChecks() {
    Api.Reply reply = Api.anonymous().get("/health/ready");

    assertEquals(200, reply.status(), reply::toString);
    assertEquals("UP", reply.string("status"));
    Map<String, String> checks = reply.json().getJsonArray("checks").stream().map(check -> check.asJsonObject())
        .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    assertEquals("UP", checks.get("database"), reply::toString);
    assertEquals("UP", checks.get("broker"), reply::toString);
  }

  @Test
  void startupIsUp() {
    Api.Reply reply = Api.anonymous().get("/health/started");

    assertEquals(200, reply.status(), reply::toString);
    assertEquals("UP", reply.string("status"));
  }

  @Test
  void openApiAsJsonByQueryDescribesApps() {
    assertDescribesApps(Api.anonymous().get("/openapi?format=JSON"));
  }

  @Test
  void openApiAsJsonByAcceptHeaderDescribesApps() {
    assertDescribesApps(Api.anonymous().header("Accept", "application/json").get("/openapi"));
  }

  private static void assertDescribesApps(Api.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/json"), reply::contentType);
    JsonObject paths = reply.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1/apps"), () -> "paths: " + paths.keySet());
  }
}
