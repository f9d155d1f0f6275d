package io.convot.it.api;

import io.convot.it.support.ProblemAssert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sign-in JWT: its claims, and that no altered or unsigned copy of it is accepted. */
class JwtIT {

  private static JsonObject decode(String part) {
    String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void assertAcceptedAsIs(Owner owner) {
    Api.Reply me = owner.api().get("/api/v1/me");
    assertEquals(200, me.status(), () -> "the untouched token should work: " + me);
  }

  private static void assertRefused(String token) {
    Api.Reply reply = Api.withToken(token).get("/api/v1/me");
    assertEquals(401, reply.status(), () -> "token should be refused: " + reply);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
  }

  @Test
  void tokenIsRs256WithConvotIssuerAudienceAndSixtyDayExpiry() {
    Owner owner = Organizations.signUp("Claims");
    Api.Reply login = Api.anonymous().post("/api/v1/auth/login", """
        {"email": "%s", "password": "%s"}
        """.formatted(owner.email(), Organizations.PASSWORD));
    assertEquals(200, login.status(), login::toString);
    String[] parts = login.string("token").split("\\.");

    assertEquals(3, parts.length);
    assertEquals("RS256", decode(parts[0]).getString("alg"));
    JsonObject claims = decode(parts[1]);
    assertEquals("convot", claims.getString("iss"));
    JsonValue audience = claims.get("aud");
    boolean convotApi = audience.getValueType() == JsonValue.ValueType.ARRAY
        ? audience.asJsonArray().contains(Json.createValue("convot-api"))
        : audience.equals(Json.createValue("convot-api"));
    assertTrue(convotApi, () -> "aud is " + audience);
    long issuedAt = claims.getJsonNumber("iat").longValueExact();
    long expiresAt = claims.getJsonNumber("exp").longValueExact();
    assertEquals(Duration.ofDays(60).toSeconds(), expiresAt - issuedAt);
    assertEquals(Instant.ofEpochSecond(expiresAt), Instant.parse(login.string("expires_at")));
  }

  @Test
  void rejectsTamperedSignature() {
    Owner owner = Organizations.signUp("Tampered");
    assertAcceptedAsIs(owner);
    String[] parts = owner.token().split("\\.");
    char[] signature = parts[2].toCharArray();
    int middle = signature.length / 2; // a full 6-bit character, unlike the last one
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';

    assertRefused(parts[0] + "." + parts[1] + "." + new String(signature));
  }

  @Test
  void rejectsUnsignedTokenWithAlgNone() {
    Owner owner = Organizations.signUp("Alg none");
    assertAcceptedAsIs(owner);
    String payload = owner.token().split("\\.")[1];
    String header = encode(Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build());

    assertRefused(header + "." + payload + ".");
  }

  @Test
  void rejectsTokenWhosePayloadExpiryWasAltered() {
    Owner owner = Organizations.signUp("Altered exp");
    assertAcceptedAsIs(owner);
    String[] parts = owner.token().split("\\.");
    JsonObject claims = decode(parts[1]);
    long later = claims.getJsonNumber("exp").longValueExact() + Duration.ofDays(365).toSeconds();
    String altered = encode(Json.createObjectBuilder(claims).add("exp", later).build());

    assertRefused(parts[0] + "." + altered + "." + parts[2]);
  }

  @Test
  void rejectsMissingToken() {
    Api.Reply reply = Api.anonymous().get("/api/v1/apps");

    ProblemAssert.assertProblem(reply, 401, "unauthenticated");
  }
}
