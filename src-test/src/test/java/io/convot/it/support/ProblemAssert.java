package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** Assertions on application/problem+json error responses. */
public final class ProblemAssert {

  private ProblemAssert() {}

  /** The reply is a problem with this status and code; returns its body. */
  public static JsonObject assertProblem(Api.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), () -> "unexpected reply: " + reply);
    assertNotNull(reply.contentType(), () -> "no Content-Type: " + reply);
    assertTrue(reply.contentType().startsWith("application/problem+json"),
        () -> "Content-Type " + reply.contentType() + " is not application/problem+json");
    JsonObject body = reply.json();
    assertEquals(code, body.getString("code", null), () -> "unexpected code: " + reply);
    assertEquals(status, body.getInt("status"), () -> "status member differs: " + reply);
    return body;
  }

  /** The problem lists a field error for exactly this field (e.g. {@code allowed_origins[1]}). */
  public static void assertFieldError(Api.Reply reply, String field) {
    assertTrue(fieldsInError(reply).contains(field),
        () -> "no field error on " + field + ": " + reply);
  }

  /** The reply is a 422 {@code validation_failed} problem naming {@code field}. */
  public static void assertValidationError(Api.Reply reply, String field) {
    assertProblem(reply, 422, "validation_failed");
    assertFieldError(reply, field);
  }

  public static List<String> fieldsInError(Api.Reply reply) {
    JsonValue errors = reply.json().get("errors");
    assertNotNull(errors, () -> "problem has no errors: " + reply);
    return errors.asJsonArray().stream().map(e -> e.asJsonObject().getString("field")).toList();
  }
}
