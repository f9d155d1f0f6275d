package io.convot.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The server is killed ({@code kill -9}) while deliveries to a slow receiver are in flight and
 * started again: every event still arrives, at least once.
 */
class CrashRecoveryIT {

  private static final int EVENTS = 200;

  @Test
  void everyEventArrivesAfterTheServerIsKilledMidDelivery() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Crash Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Crash", false).getString("app_key"));
    Widget.send(widget.session(""), "please answer");
    String conversation = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    try (Receiver receiver = new Receiver().slow(Duration.ofSeconds(1))) {
      WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.sent"), List.of());
      Set<String> eventIds = new HashSet<>(replies(owner.api(), conversation));
      receiver.await(Receiver.ofType("message.sent"), 20, Duration.ofSeconds(60));

      TestServer.killHard();
      int beforeKill = receiver.requests().size();
      TestServer.start();

      Set<String> delivered = Eventually.await(() -> webhookIds(receiver), ids -> ids.containsAll(eventIds),
          Duration.ofMinutes(3), "every event delivered after the restart");
      int duplicates = receiver.requests().size() - delivered.size();
      System.out.println("Crash recovery: " + EVENTS + " events, " + beforeKill + " requests before the kill, "
          + receiver.requests().size() + " in all: " + duplicates + " duplicates seen by the receiver");
      assertEquals(eventIds, delivered);
    }
  }

  private static Set<String> webhookIds(Receiver receiver) {
    Set<String> ids = new HashSet<>();
    receiver.requests().forEach(request -> ids.add(request.header("webhook-id")));
    return ids;
  }

  /** Agents reply {@value #EVENTS} times as fast as they can; returns the ids of the message.sent events. */
  private static List<String> replies(Api api, String conversation) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(8);
    List<Future<Api.Reply>> replies = new java.util.ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      int n = i;
      replies.add(agents.submit(() -> api.post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"reply " + n + "\"}")));
    }
    for (Future<Api.Reply> reply : replies) {
      assertEquals(201, reply.get().status());
    }
    agents.shutdown();
    return io.convot.it.support.Database.column(
        "SELECT id::text FROM events WHERE type = 'message.sent' AND payload::jsonb #>> '{data,conversation,id}' = ?", conversation)
        .stream().map(Object::toString).toList();
  }
}
