package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * REST API limits per client address and per token. The test server sets 100 requests a minute
 * per address (its own address is exempt) and 2000 per token; a key's window is one minute from
 * its first request, so each test's requests fall in one window.
 */
class RateLimitsIT {

  private static final int PER_IP = 100;
  private static final int PER_TOKEN = 2000;

  @Test
  void everyAnswerCarriesRateLimitHeadersCountingDown() {
    String address = ClientAddresses.fresh();
    Api anonymous = ClientAddresses.from(Api.anonymous(), address);
    Organizations.Owner owner = Organizations.signUp("Headers");

    List<Api.Reply> replies = List.of(
        anonymous.get("/api/v1/me"),
        anonymous.get("/api/v1/no-such-resource"),
        anonymous.post("/api/v1/auth/login", "{not json"),
        ClientAddresses.from(owner.api(), address).get("/api/v1/me"),
        ClientAddresses.from(owner.api(), address).get("/api/v1/apps/00000000-0000-0000-0000-000000000000"));

    List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
    assertEquals(List.of(401, 404, 400, 200, 404), statuses, replies::toString);
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
    assertEquals(PER_IP + 1, ((Number) Database.single("SELECT hits FROM rate_limit_windows WHERE key = ?", "api:ip:" + address)).intValue(),
        "the count is the server's, in the database every server shares");
  }

  @Test
  void pastTheLimitPerTokenThatTokenIs429AndAnotherTokenIsNot() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Per token");
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < PER_TOKEN; i++) {
      statuses.add(clients.submit(() -> owner.api().get("/api/v1/me").status()));
    }
    for (Future<Integer> status : statuses) {
      assertEquals(200, status.get(), "a request within the token's limit was refused");
    }
    clients.shutdown();

    Api.Reply limited = owner.api().get("/api/v1/me");

    assertRateLimited(limited, 60);
    assertEquals(String.valueOf(PER_TOKEN), limited.header("RateLimit-Limit"));
    Api.Reply login = Api.anonymous().post("/api/v1/auth/login", """
        {"email": "%s", "password": "%s"}""".formatted(owner.email(), Organizations.PASSWORD));
    assertEquals(200, login.status(), login::toString);
    Api.Reply otherToken = Api.withToken(login.string("token")).get("/api/v1/me");
    assertEquals(200, otherToken.status(), otherToken::toString);
    assertNotEquals("0", otherToken.header("RateLimit-Remaining"));
  }

  static void assertRateLimited(Api.Reply reply, long maxRetryAfter) {
    assertProblem(reply, 429, "rate_limited");
    String retryAfter = reply.header("Retry-After");
    assertNotNull(retryAfter, () -> "no Retry-After: " + reply);
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1 && seconds <= maxRetryAfter, () -> "Retry-After " + seconds);
  }
}
