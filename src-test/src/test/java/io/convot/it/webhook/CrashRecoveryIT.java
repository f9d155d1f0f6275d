package io.convot.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server is killed ({@code kill -9}) while agents are posting replies and deliveries to a slow
 * receiver are in flight, then started again: every reply the database kept, including those
 * whose POST the kill cut off, is delivered within 30 s of the server being ready again.
 */
class CrashRecoveryIT {

  private static final int AGENTS = 16;
  private static final Duration AFTER_READY = Duration.ofSeconds(30);

  @Test
  void everySavedMessageIsDeliveredWithinSecondsOfTheRestartAfterAKillWhileMessagesArePosted() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Crash Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Crash", false).getString("app_key"));
    Widget.send(widget.session(""), "please answer");
    String conversation = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");
    try (Receiver receiver = new Receiver().slow(Duration.ofSeconds(1))) {
      WebhookFixtures.endpoint(owner.api(), receiver.url(), List.of("message.sent"), List.of());

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService agents = postUntilStopped(owner.api(), conversation, acknowledged, stop);
      Eventually.await(() -> acknowledged.size() >= 100 && receiver.requests().size() >= 20, done -> done,
          Duration.ofSeconds(60), "replies posted and deliveries under way");

      TestServer.killHard();
      stop.set(true);
      agents.shutdown();
      assertTrue(agents.awaitTermination(60, TimeUnit.SECONDS), "the agents stopped posting");
      int beforeKill = receiver.requests().size();
      TestServer.start();
      Instant ready = Instant.now();

      Map<String, String> saved = savedReplies(conversation);
      assertTrue(saved.values().containsAll(acknowledged), "every reply answered 201 was kept");
      Eventually.await(() -> webhookIds(receiver), ids -> ids.containsAll(saved.keySet()), AFTER_READY,
          "every saved reply delivered within " + AFTER_READY + " of the server being ready");

      List<Receiver.Request> requests = receiver.requests();
      Map<String, Instant> firstArrival = new HashMap<>();
      requests.forEach(request -> firstArrival.merge(request.header("webhook-id"), request.arrivedAt(), (a, b) -> a.isBefore(b) ? a : b));
      Instant lastFirst = saved.keySet().stream().map(firstArrival::get).max(Instant::compareTo).orElseThrow();
      int duplicates = requests.size() - firstArrival.size();
      long afterRestart = saved.keySet().stream().filter(id -> firstArrival.get(id).isAfter(ready)).count();
      int[] resent = resentAndDropped(TestServer.log());
      String figures = String.format("Crash recovery: %d replies answered 201, %d saved (%d cut off by the kill);"
              + " %d requests reached the receiver before the restart, %d replies were first delivered after it, the last"
              + " %.1f s after the server was ready; the sweeper sent %d attempt messages again, the broker dropped %d it still had"
              + " (so %d were lost in the crash); %d requests in all, %d duplicates seen by the receiver",
          acknowledged.size(), saved.size(), saved.size() - acknowledged.size(), beforeKill, afterRestart,
          Math.max(0, Duration.between(ready, lastFirst).toMillis()) / 1000.0, resent[0], resent[1], resent[0] - resent[1],
          requests.size(), duplicates);
      System.out.println(figures);
      Files.writeString(Path.of("target", "crash-recovery.txt"), Instant.now() + " " + figures + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      assertEquals(saved.keySet(), firstArrival.keySet());
    }
  }

  /** Agents reply as fast as they can until told to stop or the server goes away; the ids of the replies answered 201. */
  private static ExecutorService postUntilStopped(Api api, String conversation, Set<String> acknowledged, AtomicBoolean stop) {
    ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
    for (int agent = 0; agent < AGENTS; agent++) {
      int a = agent;
      agents.submit(() -> {
        for (int n = 0; !stop.get(); n++) {
          Api.Reply reply;
          try {
            reply = api.post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"reply " + a + "-" + n + "\"}");
          } catch (IllegalStateException serverGone) {
            return;
          }
          if (reply.status() != 201) {
            return;
          }
          acknowledged.add(reply.string("id"));
        }
      });
    }
    return agents;
  }

  /** From the restarted server's log: attempt messages the sweeper sent again, and duplicates the broker dropped. */
  private static int[] resentAndDropped(String log) {
    int resent = 0;
    Matcher sent = Pattern.compile("Webhook recovery: sent (\\d+) attempt messages").matcher(log);
    while (sent.find()) {
      resent += Integer.parseInt(sent.group(1));
    }
    Matcher dropped = Pattern.compile("AMQ222059").matcher(log);
    int duplicates = 0;
    while (dropped.find()) {
      duplicates++;
    }
    return new int[] {resent, duplicates};
  }

  /** The message.sent events the database kept for this conversation: event id to message id. */
  private static Map<String, String> savedReplies(String conversation) {
    Map<String, String> saved = new HashMap<>();
    for (Object row : Database.column("SELECT id::text || ' ' || (payload::jsonb #>> '{data,message,id}') FROM events"
        + " WHERE type = 'message.sent' AND payload::jsonb #>> '{data,conversation,id}' = ?", conversation)) {
      String[] ids = row.toString().split(" ");
      saved.put(ids[0], ids[1]);
    }
    return saved;
  }

  private static Set<String> webhookIds(Receiver receiver) {
    Set<String> ids = new HashSet<>();
    receiver.requests().forEach(request -> ids.add(request.header("webhook-id")));
    return ids;
  }
}
