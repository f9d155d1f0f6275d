package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Each test signs up its own organization: no state is shared between tests. */
public final class Organizations {

  public static final String PASSWORD = "correct horse battery";

  private Organizations() {}

  public record Owner(String organizationId, String memberId, String email, String token) {
    public Api api() {
      return Api.withToken(token);
    }
  }

  public static String uniqueEmail(String who) {
    return who + "-" + UUID.randomUUID() + "@example.test";
  }

  public static Owner signUp(String organizationName) {
    return signUp(Api.anonymous(), organizationName);
  }

  /** Signs up through {@code api} (e.g. {@code Api.anonymous().on(otherServer)}). */
  public static Owner signUp(Api api, String organizationName) {
    String email = uniqueEmail("owner");
    Api.Reply reply = api.post("/api/v1/auth/signup", """
        {"organization_name": "%s", "name": "Owner of %s", "email": "%s", "password": "%s"}
        """.formatted(organizationName, organizationName, email, PASSWORD));
    assertEquals(201, reply.status(), () -> "sign-up failed: " + reply);
    JsonObject body = reply.json();
    return new Owner(body.getJsonObject("organization").getString("id"), body.getJsonObject("member").getString("id"),
        email, body.getString("token"));
  }

  /** Creates an app and returns its JSON. */
  public static JsonObject createApp(Api api, String name) {
    Api.Reply reply = api.post("/api/v1/apps", "{\"name\": \"" + name + "\"}");
    assertEquals(201, reply.status(), () -> "app creation failed: " + reply);
    return reply.json();
  }
}
