package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The database drops every connection of the server's pool (as when it restarts). Pooled
 * connections are not checked before use, so requests that take a dropped one fail: each is a 503
 * to retry, never a 500, and writes nothing; the pool is then replaced and requests succeed.
 *
 * <p>The server's own jobs (rate-limit flushes every second, the deletion job, the schedulers) use
 * the pool too: when one of them takes a dropped connection first, the whole pool is replaced before
 * the requests arrive and every request succeeds. The requests therefore wait at a gate that opens
 * right after the drop, and a round in which none of them met a dropped connection is run again.
 */
class DatabaseConnectionLossIT {

  private static final int REQUESTS = 24;
  private static final int ROUNDS = 5;

  @Test
  void requestsOnDroppedConnectionsAre503sThatWriteNothingAndThePoolRecovers() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Connection Loss Co");
    ExecutorService clients = Executors.newFixedThreadPool(8);
    int unavailable = 0;
    int round = 0;
    try {
      while (unavailable == 0 && round < ROUNDS) {
        round++;
        unavailable = round(owner, clients, round);
      }
    } finally {
      clients.shutdownNow();
    }
    // Every pooled connection was dropped, so the first requests to take one cannot have succeeded:
    // all 201s in every round would mean the connections were checked (or replaced) before use, and
    // the 503 path went untested.
    assertTrue(unavailable > 0, "no request took a dropped connection: all " + REQUESTS + " succeeded in each of " + ROUNDS + " rounds");

    for (int i = 0; i < 5; i++) {
      assertEquals(200, owner.api().get("/api/v1/me").status(), "the pool did not recover");
    }
  }

  /** One drop and its burst of requests; each reply is checked against what it stored. Returns the 503s. */
  private static int round(Organizations.Owner owner, ExecutorService clients, int round) throws Exception {
    warmPool(owner, clients);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Outcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String name = "After loss " + round + "." + i;
      outcomes.add(clients.submit(() -> {
        gate.await();
        return new Outcome(name, owner.api().post("/api/v1/apps", "{\"name\": \"" + name + "\"}"));
      }));
    }
    long dropped = Database.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND pid <> pg_backend_pid()) AS terminated");
    gate.countDown();
    assertTrue(dropped > 0, "the server held no connection to drop");

    int unavailable = 0;
    for (Future<Outcome> future : outcomes) {
      Outcome outcome = future.get();
      int status = outcome.reply().status();
      assertTrue(status == 201 || status == 503, outcome.reply()::toString);
      long stored = Database.count("SELECT count(*) FROM apps WHERE organization_id = ?::uuid AND name = ?",
          owner.organizationId(), outcome.name());
      if (status == 503) {
        unavailable++;
        assertProblem(outcome.reply(), 503, "unavailable");
        assertNotNull(outcome.reply().header("Retry-After"), outcome.reply()::toString);
        assertEquals(0, stored, "a refused request wrote its app");
      } else {
        assertEquals(1, stored);
      }
    }
    System.out.println("[connection loss] round " + round + ": " + dropped + " connections dropped, "
        + unavailable + " of " + REQUESTS + " requests answered 503");
    return unavailable;
  }

  /** Several connections in the pool, so that several requests can take a dropped one. */
  private static void warmPool(Organizations.Owner owner, ExecutorService clients) throws Exception {
    List<Future<Integer>> warm = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      warm.add(clients.submit(() -> owner.api().get("/api/v1/apps").status()));
    }
    for (Future<Integer> status : warm) {
      assertEquals(200, status.get());
    }
  }

  private record Outcome(String name, io.convot.it.support.Api.Reply reply) {}
}
