package io.convot.it.cluster;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Two servers behind one balancer count against the same limits: the counts are in the database
 * they share, so alternating between them gains a client nothing.
 */
class RateLimitsTwoServersIT {

  private static final String SERVER_A = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");
  private static final String SERVER_B = System.getProperty("convot.test.cluster.node-b-url", "http://localhost:9381");
  private static final int PER_IP = 30;
  private static final int FAILURES_PER_EMAIL = 10;

  private static Api.Reply logIn(String server, String address, String email, String password) {
    return ClientAddresses.from(Api.anonymous().on(server), address).post("/api/v1/auth/login",
        Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
  }

  @Test
  void failedSignInsOnEitherServerCountTogether() {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_A), "Guessed at on two servers");
    String attacker = ClientAddresses.fresh();
    for (int i = 0; i < FAILURES_PER_EMAIL; i++) {
      assertProblem(logIn(i % 2 == 0 ? SERVER_A : SERVER_B, attacker, owner.email(), "guess " + i), 401, "invalid_credentials");
    }

    Api.Reply onA = logIn(SERVER_A, attacker, owner.email(), "guess on A");
    Api.Reply onB = logIn(SERVER_B, attacker, owner.email(), "guess on B");

    assertProblem(onA, 429, "rate_limited");
    assertProblem(onB, 429, "rate_limited");
    assertNotNull(onB.header("Retry-After"));
    assertEquals(200, logIn(SERVER_B, ClientAddresses.fresh(), owner.email(), Organizations.PASSWORD).status());
  }

  @Test
  void requestsPerAddressOnEitherServerCountTogether() {
    String address = ClientAddresses.fresh();
    for (int i = 0; i < PER_IP; i++) {
      Api.Reply reply = ClientAddresses.from(Api.anonymous().on(i % 2 == 0 ? SERVER_A : SERVER_B), address).get("/api/v1/me");
      assertEquals(401, reply.status(), reply::toString);
      assertEquals(String.valueOf(PER_IP - 1 - i), reply.header("RateLimit-Remaining"));
    }

    assertProblem(ClientAddresses.from(Api.anonymous().on(SERVER_A), address).get("/api/v1/me"), 429, "rate_limited");
    assertProblem(ClientAddresses.from(Api.anonymous().on(SERVER_B), address).get("/api/v1/me"), 429, "rate_limited");
  }
}
