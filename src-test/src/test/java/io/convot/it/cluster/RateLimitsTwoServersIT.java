package io.convot.it.cluster;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two servers behind one balancer count against the same limits: the counts are in the database
 * they share (failed sign-ins at once, API requests added once a second by each server), so
 * alternating between them gains a client at most the second before a server learns the count.
 */
class RateLimitsTwoServersIT {

  private static final String SERVER_A = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");
  private static final String SERVER_B = System.getProperty("convot.test.cluster.node-b-url", "http://localhost:9381");
  private static final int PER_IP = 30;
  private static final int FAILURES_PER_EMAIL = 10;
  /** Each server adds its counts once a second, later on a busy machine. */
  private static final Duration ADDED_WITHIN = Duration.ofSeconds(15);

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
  void requestsPerAddressOnEitherServerCountTogetherWithinASecond() {
    String address = ClientAddresses.fresh();
    for (int i = 0; i < PER_IP; i++) {
      Api.Reply reply = from(i % 2 == 0 ? SERVER_A : SERVER_B, address).get("/api/v1/me");
      assertEquals(401, reply.status(), reply::toString);
    }
    Eventually.await(() -> hits(address), hits -> hits == PER_IP, ADDED_WITHIN, "both servers' counts added");

    // Each server's own count is half the limit; the shared one is at it. A server learns it when it
    // adds its next hit: at most that one request gets through, then the address is refused there.
    // What the servers let through is read from their answers (at most the one request, then a 429
    // on that server): the database's count may also hold a GET the HTTP client sent twice (it
    // retries an idempotent request on a pooled connection the server had closed).
    for (String server : List.of(SERVER_A, SERVER_B)) {
      int before = hits(address);
      Api.Reply next = from(server, address).get("/api/v1/me");
      if (next.status() != 429) {
        assertEquals(401, next.status(), next::toString);
        Eventually.await(() -> hits(address), hits -> hits > before, ADDED_WITHIN, "the extra request's count added");
      }
      assertProblem(from(server, address).get("/api/v1/me"), 429, "rate_limited");
    }
    assertProblem(from(SERVER_A, address).get("/api/v1/me"), 429, "rate_limited");
    assertProblem(from(SERVER_B, address).get("/api/v1/me"), 429, "rate_limited");
  }

  private static Api from(String server, String address) {
    return ClientAddresses.from(Api.anonymous().on(server), address);
  }

  private static int hits(String address) {
    List<Object> hits = Database.columnIn(Database.CLUSTER_URL, "SELECT hits FROM rate_limit_windows WHERE key = ?", "api:ip:" + address);
    return hits.isEmpty() ? 0 : ((Number) hits.get(0)).intValue();
  }
}
