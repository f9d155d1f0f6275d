package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REST API limits per client address and per token. The test server sets 30 requests a minute
 * per address (its own address is exempt) and 10,000 per token; a key's window is one minute from
 * its first request, and each test's requests fall in one window. The server counts in memory and
 * adds its counts to the shared ones in the database once a second.
 */
class RateLimitsIT {

  private static final int PER_IP = 30;
  private static final int PER_TOKEN = 10_000;
  /** Once a second, on a machine busy enough to be late. */
  static final Duration ADDED_WITHIN = Duration.ofSeconds(15);

  @Test
  void everyAnswerCarriesRateLimitHeadersCountingDown() {
    String address = ClientAddresses.fresh();
    Api anonymous = ClientAddresses.from(Api.anonymous(), address);
    Organizations.Owner owner = Organizations.signUp("Headers");

    List<Api.Reply> replies = List.of(
        anonymous.get("/api/v1/me"),
        anonymous.get("/api/v1/no-such-resource"),
        anonymous.post("/api/v1/auth/login", "{not json"),
        ClientAddresses.from(Api.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.Zm9yZ2Vk"), address).get("/api/v1/me"),
        ClientAddresses.from(owner.api(), address).get("/api/v1/me"),
        ClientAddresses.from(owner.api(), address).get("/api/v1/apps/00000000-0000-0000-0000-000000000000"));

    List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
    assertEquals(List.of(401, 404, 400, 401, 200, 404), statuses, replies::toString);
    for (int i = 0; i < replies.size(); i++) {
      Api.Reply reply = replies.get(i);
      assertEquals(String.valueOf(PER_IP), reply.header("RateLimit-Limit"), reply::toString);
      assertEquals(String.valueOf(PER_IP - 1 - i), reply.header("RateLimit-Remaining"), reply::toString);
      long reset = Long.parseLong(reply.header("RateLimit-Reset"));
      assertTrue(reset >= 1 && reset <= 60, () -> "RateLimit-Reset " + reset);
    }
  }

  @Test
  void pastTheLimitPerAddressEveryRequestFromItIs429WithRetryAfter() {
    String address = ClientAddresses.fresh();
    Api anonymous = ClientAddresses.from(Api.anonymous(), address);
    Organizations.Owner owner = Organizations.signUp("Per address");
    for (int i = 0; i < PER_IP; i++) {
      Api.Reply reply = anonymous.get("/api/v1/me");
      assertEquals(401, reply.status(), () -> "request within the limit: " + reply);
    }

    Api.Reply limited = anonymous.get("/api/v1/me");

    assertRateLimited(limited, 60);
    // A valid token does not lift the limit of its address.
    assertRateLimited(ClientAddresses.from(owner.api(), address).get("/api/v1/me"), 60);
    // Another address is not held back.
    Api.Reply other = ClientAddresses.from(owner.api(), ClientAddresses.fresh()).get("/api/v1/me");
    assertEquals(200, other.status(), other::toString);
    assertEquals(String.valueOf(PER_IP - 1), other.header("RateLimit-Remaining"));
  }

  @Test
  void onlyTheAddressTheTrustedProxySawCountsNotWhatTheClientWroteBeforeIt() {
    String address = ClientAddresses.fresh();
    for (int i = 0; i < PER_IP; i++) {
      // A client rotating what it writes itself into X-Forwarded-For gains nothing.
      Api.Reply reply = Api.anonymous().header(ClientAddresses.FORWARDED_FOR, ClientAddresses.fresh() + ", " + address)
          .get("/api/v1/me");
      assertEquals(401, reply.status(), reply::toString);
    }

    Api.Reply limited = Api.anonymous().header(ClientAddresses.FORWARDED_FOR, ClientAddresses.fresh() + ", " + address)
        .get("/api/v1/me");

    assertRateLimited(limited, 60);
    Eventually.await(() -> hits("api:ip:" + address), hits -> hits == PER_IP + 1, ADDED_WITHIN,
        "the server's count added to the one in the database every server shares");
    // Once over, the address is refused from the server's memory without counting.
    for (int i = 0; i < 3; i++) {
      assertRateLimited(ClientAddresses.from(Api.anonymous(), address).get("/api/v1/me"), 60);
    }
    // A request from elsewhere after them: once its count is in the database, theirs would be too.
    String marker = ClientAddresses.fresh();
    assertEquals(401, ClientAddresses.from(Api.anonymous(), marker).get("/api/v1/me").status());
    Eventually.await(() -> hits("api:ip:" + marker), hits -> hits == 1, ADDED_WITHIN, "a later request's count added");
    assertEquals(PER_IP + 1, hits("api:ip:" + address));
  }

  static int hits(String key) {
    Object hits = Database.single("SELECT hits FROM rate_limit_windows WHERE key = ?", key);
    return hits == null ? 0 : ((Number) hits).intValue();
  }

  @Test
  void pastTheLimitPerTokenThatTokenIs429AndAnotherTokenIsNot() {
    Organizations.Owner owner = Organizations.signUp("Per token");
    Api.Reply first = owner.api().get("/api/v1/me");
    assertEquals(String.valueOf(PER_TOKEN), first.header("RateLimit-Limit"), first::toString);
    assertEquals(String.valueOf(PER_TOKEN - 1), first.header("RateLimit-Remaining"));
    // Thousands of requests take minutes on a busy machine, longer than the window: the shared count
    // is moved on in the database instead, as if other servers had made all but two of them.
    String key = tokenKey(owner.token());
    Eventually.await(() -> hits(key), hits -> hits == 1, ADDED_WITHIN, "the first request's count added");
    assertEquals(1, Database.update("UPDATE rate_limit_windows SET hits = ? WHERE key = ?", PER_TOKEN - 2, key));
    // The server learns the shared count when it adds its own next hit to it (a second's slack).
    assertEquals(200, owner.api().get("/api/v1/me").status());
    Eventually.await(() -> hits(key), hits -> hits == PER_TOKEN - 1, ADDED_WITHIN, "the second request's count added");
    Api.Reply last = owner.api().get("/api/v1/me");
    assertEquals(200, last.status(), last::toString);
    assertEquals("0", last.header("RateLimit-Remaining"));

    Api.Reply limited = owner.api().get("/api/v1/me");

    assertRateLimited(limited, 60);
    assertEquals(String.valueOf(PER_TOKEN), limited.header("RateLimit-Limit"));
    assertEquals("0", limited.header("RateLimit-Remaining"));
    Api.Reply login = Api.anonymous().post("/api/v1/auth/login", """
        {"email": "%s", "password": "%s"}""".formatted(owner.email(), Organizations.PASSWORD));
    assertEquals(200, login.status(), login::toString);
    Api.Reply otherToken = Api.withToken(login.string("token")).get("/api/v1/me");
    assertEquals(200, otherToken.status(), otherToken::toString);
    assertEquals(String.valueOf(PER_TOKEN - 1), otherToken.header("RateLimit-Remaining"));
  }

  /** The server keys a token's count by the start of its SHA-256: the token itself is never stored. */
  private static String tokenKey(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "api:token:" + HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertRateLimited(Api.Reply reply, long maxRetryAfter) {
    assertProblem(reply, 429, "rate_limited");
    String retryAfter = reply.header("Retry-After");
    assertNotNull(retryAfter, () -> "no Retry-After: " + reply);
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1 && seconds <= maxRetryAfter, () -> "Retry-After " + seconds);
  }
}
