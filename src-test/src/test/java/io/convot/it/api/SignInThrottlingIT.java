package io.convot.it.api;

import static io.convot.it.api.RateLimitsIT.assertRateLimited;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins are limited per email from one address (10 per 15 minutes, the default) and per
 * address (15 on the test server); both counts are PostgreSQL's, shared by every server.
 */
class SignInThrottlingIT {

  private static final int PER_EMAIL = 10;
  private static final int PER_IP = 15;
  private static final long WINDOW_SECONDS = 15 * 60;

  private static Api.Reply logIn(String address, String email, String password) {
    return ClientAddresses.from(Api.anonymous(), address).post("/api/v1/auth/login",
        Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
  }

  private static Api.Reply signUp(String address, String email) {
    return ClientAddresses.from(Api.anonymous(), address).post("/api/v1/auth/signup", Json.createObjectBuilder()
        .add("organization_name", "Again").add("name", "Ann").add("email", email).add("password", Organizations.PASSWORD)
        .build().toString());
  }

  @Test
  void theEleventhFailureIsA429ButTheRightPasswordFromAnotherAddressSignsIn() {
    Organizations.Owner owner = Organizations.signUp("Guessed at");
    String attacker = ClientAddresses.fresh();
    for (int i = 1; i <= PER_EMAIL; i++) {
      assertProblem(logIn(attacker, owner.email(), "guess number " + i), 401, "invalid_credentials");
    }

    assertRateLimited(logIn(attacker, owner.email(), "guess number 11"), WINDOW_SECONDS);
    // Refused before the password is checked: the right one gets no further from there.
    assertRateLimited(logIn(attacker, owner.email(), Organizations.PASSWORD), WINDOW_SECONDS);

    Api.Reply owners = logIn(ClientAddresses.fresh(), owner.email().toUpperCase(), Organizations.PASSWORD);
    assertEquals(200, owners.status(), owners::toString);
    assertEquals(200, Api.withToken(owners.string("token")).get("/api/v1/me").status());
  }

  @Test
  void failuresFromOneAddressAcrossManyEmailsReachTheLimitPerAddress() {
    Organizations.Owner owner = Organizations.signUp("Sprayed");
    String sprayer = ClientAddresses.fresh();
    for (int i = 0; i < PER_IP; i++) {
      assertProblem(logIn(sprayer, Organizations.uniqueEmail("sprayed"), Organizations.PASSWORD), 401, "invalid_credentials");
    }

    assertRateLimited(logIn(sprayer, Organizations.uniqueEmail("sprayed"), Organizations.PASSWORD), WINDOW_SECONDS);
    assertRateLimited(logIn(sprayer, owner.email(), Organizations.PASSWORD), WINDOW_SECONDS);
    assertEquals(200, logIn(ClientAddresses.fresh(), owner.email(), Organizations.PASSWORD).status());
  }

  @Test
  void signingInForgivesThatEmailsEarlierFailuresFromThatAddress() {
    Organizations.Owner owner = Organizations.signUp("Forgiven");
    String address = ClientAddresses.fresh();
    for (int i = 0; i < 5; i++) {
      assertProblem(logIn(address, owner.email(), "typo " + i), 401, "invalid_credentials");
    }
    assertEquals(200, logIn(address, owner.email(), Organizations.PASSWORD).status());

    // Without forgiveness the sixth of these would be the eleventh failure.
    for (int i = 0; i < PER_EMAIL - 1; i++) {
      assertProblem(logIn(address, owner.email(), "later typo " + i), 401, "invalid_credentials");
    }
  }

  @Test
  void signUpsForARegisteredEmailCountAsFailuresAndWriteNothing() {
    Organizations.Owner owner = Organizations.signUp("Probed");
    String prober = ClientAddresses.fresh();
    for (int i = 0; i < PER_EMAIL; i++) {
      assertProblem(signUp(prober, owner.email()), 409, "email_taken");
    }

    assertRateLimited(signUp(prober, owner.email()), WINDOW_SECONDS);
    assertRateLimited(logIn(prober, owner.email(), Organizations.PASSWORD), WINDOW_SECONDS);
    assertEquals(1, Database.count("SELECT count(*) FROM members WHERE email = ?", owner.email()));
    assertEquals(201, signUp(prober, Organizations.uniqueEmail("new")).status(), "a new email is not a failure");
  }

  @Test
  void anUnknownEmailAndAWrongPasswordAnswerAlikeAndTakeAsLong() {
    Organizations.Owner owner = Organizations.signUp("Enumerated");
    List<Long> wrongPassword = new ArrayList<>();
    List<Long> unknownEmail = new ArrayList<>();
    Api.Reply wrong = null;
    Api.Reply unknown = null;
    // Each attempt from a fresh address: the RateLimit-* headers of both are then those of a first request.
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      wrong = logIn(ClientAddresses.fresh(), owner.email(), "not the password");
      wrongPassword.add(System.nanoTime() - start);
      start = System.nanoTime();
      unknown = logIn(ClientAddresses.fresh(), Organizations.uniqueEmail("nobody"), "not the password");
      unknownEmail.add(System.nanoTime() - start);
    }

    assertProblem(wrong, 401, "invalid_credentials");
    assertEquals(wrong.status(), unknown.status());
    assertEquals(withoutRequestId(wrong.json()), withoutRequestId(unknown.json()));
    assertEquals(headers(wrong), headers(unknown));
    long wrongMedian = median(wrongPassword);
    long unknownMedian = median(unknownEmail);
    System.out.printf("[sign-in timing] wrong password median %d ms, unknown email median %d ms%n",
        wrongMedian / 1_000_000, unknownMedian / 1_000_000);
    // A password hash takes hundreds of milliseconds, the rest of a sign-in a few: skipping the hash
    // makes an answer tens of times faster. Within a factor of 3 leaves room for a busy machine's noise.
    assertTrue(unknownMedian * 3 > wrongMedian && wrongMedian * 3 > unknownMedian,
        () -> "wrong password " + wrongPassword + " ns, unknown email " + unknownEmail + " ns");
  }

  private static JsonObject withoutRequestId(JsonObject body) {
    return Json.createObjectBuilder(body).remove("request_id").build();
  }

  /** Every header but those that differ between any two answers (date, request id). */
  private static Map<String, List<String>> headers(Api.Reply reply) {
    return reply.response().headers().map().entrySet().stream()
        .filter(e -> !e.getKey().equalsIgnoreCase("date") && !e.getKey().equalsIgnoreCase("x-request-id"))
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
