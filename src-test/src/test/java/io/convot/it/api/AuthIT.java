package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertFieldError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in, sign-out and {@code GET /me}. */
class AuthIT {

  private static Api.Reply signUp(String email, String password) {
    return Api.anonymous().post("/api/v1/auth/signup", """
        {"organization_name": "Acme", "name": "Ada", "email": "%s", "password": "%s"}
        """.formatted(email, password));
  }

  private static Api.Reply logIn(String email, String password) {
    return Api.anonymous().post("/api/v1/auth/login", """
        {"email": "%s", "password": "%s"}
        """.formatted(email, password));
  }

  @Test
  void signUpCreatesOrganizationAndOwnerAndSignsIn() {
    String email = Organizations.uniqueEmail("signup");
    Api.Reply reply = signUp(email, Organizations.PASSWORD);

    assertEquals(201, reply.status(), reply::toString);
    JsonObject body = reply.json();
    assertNotNull(body.getJsonObject("organization").getString("id"));
    assertEquals("Acme", body.getJsonObject("organization").getString("name"));
    JsonObject member = body.getJsonObject("member");
    assertNotNull(member.getString("id"));
    assertEquals(email, member.getString("email"));
    assertEquals("Ada", member.getString("name"));
    assertEquals("owner", member.getString("role"));
    assertFalse(body.getString("token").isBlank());
    assertNotNull(body.getString("expires_at"));
  }

  @Test
  void signUpWithRegisteredEmailIsAConflict() {
    Owner owner = Organizations.signUp("Taken");

    Api.Reply reply = signUp(owner.email(), Organizations.PASSWORD);

    assertProblem(reply, 409, "email_taken");
  }

  @Test
  void signUpRejectsPasswordShorterThanTenCharacters() {
    Api.Reply reply = signUp(Organizations.uniqueEmail("short"), "123456789");

    assertProblem(reply, 422, "validation_failed");
    assertFieldError(reply, "password");
  }

  @Test
  void logInWithRightPasswordIssuesAWorkingToken() {
    Owner owner = Organizations.signUp("Login");

    Api.Reply reply = logIn(owner.email(), Organizations.PASSWORD);

    assertEquals(200, reply.status(), reply::toString);
    assertNotNull(reply.string("expires_at"));
    Api.Reply me = Api.withToken(reply.string("token")).get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(owner.memberId(), me.json().getJsonObject("member").getString("id"));
  }

  @Test
  void logInWithWrongPasswordIsRefused() {
    Owner owner = Organizations.signUp("Wrong password");

    assertProblem(logIn(owner.email(), "not the password"), 401, "invalid_credentials");
  }

  @Test
  void logInWithUnknownEmailIsRefusedTheSameWay() {
    assertProblem(logIn(Organizations.uniqueEmail("nobody"), Organizations.PASSWORD), 401, "invalid_credentials");
  }

  @Test
  void logOutRevokesThePresentedTokenAtOnce() {
    Owner owner = Organizations.signUp("Logout");
    assertEquals(200, owner.api().get("/api/v1/me").status());

    Api.Reply logout = owner.api().post("/api/v1/auth/logout", null);

    assertEquals(204, logout.status(), logout::toString);
    assertProblem(owner.api().get("/api/v1/me"), 401, "token_revoked");
  }

  @Test
  void logOutLeavesOtherSessionsOfTheMemberSignedIn() {
    Owner owner = Organizations.signUp("Two sessions");
    String otherSession = logIn(owner.email(), Organizations.PASSWORD).string("token");

    assertEquals(204, owner.api().post("/api/v1/auth/logout", null).status());

    assertEquals(200, Api.withToken(otherSession).get("/api/v1/me").status());
  }

  @Test
  void meDescribesTheSignedInMemberAndOrganization() {
    Owner owner = Organizations.signUp("Me");

    Api.Reply reply = owner.api().get("/api/v1/me");

    assertEquals(200, reply.status(), reply::toString);
    JsonObject member = reply.json().getJsonObject("member");
    assertEquals(owner.memberId(), member.getString("id"));
    assertEquals(owner.email(), member.getString("email"));
    assertEquals("Owner of Me", member.getString("name"));
    assertEquals("owner", member.getString("role"));
    assertTrue(member.getJsonObject("permissions").getBoolean("revenue_access"));
    JsonObject organization = reply.json().getJsonObject("organization");
    assertEquals(owner.organizationId(), organization.getString("id"));
    assertEquals("Me", organization.getString("name"));
  }

  @Test
  void meWithoutTokenIsUnauthenticated() {
    Api.Reply reply = Api.anonymous().get("/api/v1/me");

    assertProblem(reply, 401, "unauthenticated");
  }
}
