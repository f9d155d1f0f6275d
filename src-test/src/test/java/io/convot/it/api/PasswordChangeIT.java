package io.convot.it.api;

import static io.convot.it.api.RateLimitsIT.assertRateLimited;
import static io.convot.it.support.ProblemAssert.assertFieldError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import io.convot.it.support.Team;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/me/password}: the member proves the current password; the token that asked
 * keeps working, every other token of that member stops at once, and nobody else is affected.
 * Wrong current passwords are throttled like failed sign-ins: 10 per member (the default per
 * email), 15 per address on the test server, shared with failed sign-ins.
 */
class PasswordChangeIT {

  private static final String NEW_PASSWORD = "a brand new passphrase";
  private static final int PER_MEMBER = 10;
  private static final int PER_IP = 15;
  private static final long WINDOW_SECONDS = 15 * 60;

  private static Api.Reply logIn(String email, String password) {
    return Api.anonymous().post("/api/v1/auth/login",
        Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
  }

  private static String signIn(String email, String password) {
    Api.Reply reply = logIn(email, password);
    assertEquals(200, reply.status(), reply::toString);
    return reply.string("token");
  }

  private static Api.Reply change(Api api, String current, String next) {
    return api.post("/api/v1/me/password",
        Json.createObjectBuilder().add("current_password", current).add("new_password", next).build().toString());
  }

  private static void assertWorks(String token) {
    Api.Reply me = Api.withToken(token).get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
  }

  @Test
  void changingThePasswordKeepsTheRequestsTokenAndRevokesEveryOtherOne() {
    Owner owner = Organizations.signUp("Password Co");
    String otherDevice = signIn(owner.email(), Organizations.PASSWORD);
    String thirdDevice = signIn(owner.email(), Organizations.PASSWORD);

    Api.Reply reply = change(owner.api(), Organizations.PASSWORD, NEW_PASSWORD);

    assertEquals(204, reply.status(), reply::toString);
    assertWorks(owner.token());
    assertProblem(Api.withToken(otherDevice).get("/api/v1/me"), 401, "token_revoked");
    assertProblem(Api.withToken(thirdDevice).get("/api/v1/me"), 401, "token_revoked");
    assertProblem(logIn(owner.email(), Organizations.PASSWORD), 401, "invalid_credentials");
    assertWorks(signIn(owner.email(), NEW_PASSWORD));
  }

  @Test
  void aLaterChangeFromAnotherTokenRevokesTheTokenThatMadeTheFirstOne() {
    Owner owner = Organizations.signUp("Password Twice Co");
    assertEquals(204, change(owner.api(), Organizations.PASSWORD, NEW_PASSWORD).status());
    String fresh = signIn(owner.email(), NEW_PASSWORD);

    Api.Reply again = change(Api.withToken(fresh), NEW_PASSWORD, "yet another passphrase");

    assertEquals(204, again.status(), again::toString);
    assertWorks(fresh);
    assertProblem(owner.api().get("/api/v1/me"), 401, "token_revoked");
  }

  @Test
  void otherMembersAndOtherOrganizationsKeepTheirTokens() {
    Owner owner = Organizations.signUp("Password Team Co");
    Team.Joined colleague = Team.join(owner, "admin");
    Owner stranger = Organizations.signUp("Password Stranger Co");

    assertEquals(204, change(owner.api(), Organizations.PASSWORD, NEW_PASSWORD).status());

    assertWorks(colleague.token());
    assertWorks(stranger.token());
    assertWorks(signIn(colleague.email(), Organizations.PASSWORD));
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    Owner owner = Organizations.signUp("Wrong Current Co");
    String otherDevice = signIn(owner.email(), Organizations.PASSWORD);

    Api.Reply reply = change(owner.api(), "not my password at all", NEW_PASSWORD);

    assertValidationError(reply, "current_password");
    assertWorks(owner.token());
    assertWorks(otherDevice);
    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
    assertProblem(logIn(owner.email(), NEW_PASSWORD), 401, "invalid_credentials");
  }

  @Test
  void aWeakNewPasswordIsRefusedByTheSignUpRule() {
    Owner owner = Organizations.signUp("Weak Co");
    String otherDevice = signIn(owner.email(), Organizations.PASSWORD);

    assertValidationError(change(owner.api(), Organizations.PASSWORD, "123456789"), "new_password");
    assertValidationError(change(owner.api(), Organizations.PASSWORD, "           "), "new_password");
    assertValidationError(change(owner.api(), Organizations.PASSWORD, "x".repeat(201)), "new_password");
    assertValidationError(change(owner.api(), Organizations.PASSWORD, Organizations.PASSWORD), "new_password");

    assertWorks(otherDevice);
    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
  }

  @Test
  void missingFieldsAndBodiesAreClearErrors() {
    Owner owner = Organizations.signUp("Missing Co");

    Api.Reply empty = owner.api().post("/api/v1/me/password", "{}");
    assertValidationError(empty, "current_password");
    assertFieldError(empty, "new_password");
    assertProblem(owner.api().post("/api/v1/me/password", "not json"), 400, "malformed_request");
    Api.Reply noBody = owner.api().post("/api/v1/me/password", "");
    assertValidationError(noBody, "current_password");
    assertFieldError(noBody, "new_password");
    assertProblem(Api.anonymous().post("/api/v1/me/password", "{}"), 401, "unauthenticated");

    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
  }

  @Test
  void anApiKeyHasNoPasswordToChange() {
    Owner owner = Organizations.signUp("Key Password Co");
    String key = owner.api().post("/api/v1/api-keys", "{\"name\": \"CI\"}").json().getString("key");

    Api.Reply reply = change(Api.withToken(key), Organizations.PASSWORD, NEW_PASSWORD);

    assertProblem(reply, 422, "not_a_session_token");
    assertFalse(reply.body().contains(key));
    assertWorks(owner.token());
    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
  }

  @Test
  void anIntegrationTokenCannotChangeItsMembersPassword() {
    Owner owner = Organizations.signUp("Integration Password Co");
    Api.Reply issued = owner.api().post("/api/v1/tokens", "{\"name\": \"CRM\"}");
    assertEquals(201, issued.status(), issued::toString);
    String integration = issued.string("token");

    assertProblem(change(Api.withToken(integration), Organizations.PASSWORD, NEW_PASSWORD), 403, "sign_in_required");

    assertWorks(owner.token());
    assertWorks(integration);
    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
  }

  @Test
  void theEleventhWrongPasswordOfAMemberIsA429FromAnyAddressAndTheRightOneGetsNoFurther() {
    Owner owner = Organizations.signUp("Guessed Password Co");
    Team.Joined colleague = Team.join(owner, "admin");
    for (int i = 1; i <= PER_MEMBER; i++) {
      // Each guess from another address: the count is the member's, wherever the guesses come from.
      Api from = ClientAddresses.from(owner.api(), ClientAddresses.fresh());
      assertValidationError(change(from, "guess number " + i, NEW_PASSWORD), "current_password");
    }

    assertRateLimited(change(ClientAddresses.from(owner.api(), ClientAddresses.fresh()), "guess number 11", NEW_PASSWORD), WINDOW_SECONDS);
    // Refused before the password is checked: the right one changes nothing, from anywhere.
    assertRateLimited(change(owner.api(), Organizations.PASSWORD, NEW_PASSWORD), WINDOW_SECONDS);
    assertProblem(logIn(owner.email(), NEW_PASSWORD), 401, "invalid_credentials");

    // Only password changes are held back: the member still signs in, and another member changes theirs.
    assertWorks(signIn(owner.email(), Organizations.PASSWORD));
    assertWorks(owner.token());
    assertEquals(204, change(colleague.api(), Organizations.PASSWORD, NEW_PASSWORD).status());
  }

  @Test
  void wrongPasswordsAndFailedSignInsFromOneAddressShareItsLimit() {
    Owner owner = Organizations.signUp("Shared Budget Co");
    Owner other = Organizations.signUp("Shared Budget Other Co");
    String address = ClientAddresses.fresh();
    for (int i = 0; i < PER_IP - 1; i++) {
      Api.Reply failed = ClientAddresses.from(Api.anonymous(), address).post("/api/v1/auth/login",
          Json.createObjectBuilder().add("email", Organizations.uniqueEmail("nobody")).add("password", "guess").build().toString());
      assertProblem(failed, 401, "invalid_credentials");
    }
    assertValidationError(change(ClientAddresses.from(owner.api(), address), "the last guess", NEW_PASSWORD), "current_password");

    // The address has used its budget: another member's change from there is refused, even the right password.
    assertRateLimited(change(ClientAddresses.from(other.api(), address), Organizations.PASSWORD, NEW_PASSWORD), WINDOW_SECONDS);
    assertRateLimited(ClientAddresses.from(Api.anonymous(), address).post("/api/v1/auth/login",
        Json.createObjectBuilder().add("email", other.email()).add("password", Organizations.PASSWORD).build().toString()), WINDOW_SECONDS);
    // From elsewhere both members go on as usual.
    String elsewhere = ClientAddresses.fresh();
    assertEquals(204, change(ClientAddresses.from(other.api(), elsewhere), Organizations.PASSWORD, NEW_PASSWORD).status());
    assertEquals(204, change(ClientAddresses.from(owner.api(), elsewhere), Organizations.PASSWORD, NEW_PASSWORD).status());
  }

  @Test
  void aSuccessfulChangeForgivesTheMembersEarlierWrongPasswords() {
    Owner owner = Organizations.signUp("Forgiven Password Co");
    for (int i = 0; i < PER_MEMBER - 1; i++) {
      assertValidationError(change(owner.api(), "typo " + i, NEW_PASSWORD), "current_password");
    }
    assertEquals(204, change(owner.api(), Organizations.PASSWORD, NEW_PASSWORD).status());

    // Without forgiveness the second of these would be the eleventh wrong password.
    for (int i = 0; i < PER_MEMBER; i++) {
      assertValidationError(change(owner.api(), "later typo " + i, "yet another passphrase"), "current_password");
    }
    assertRateLimited(change(owner.api(), NEW_PASSWORD, "yet another passphrase"), WINDOW_SECONDS);
  }
}
