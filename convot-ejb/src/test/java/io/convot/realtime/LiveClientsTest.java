package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.ErrorCode;
import io.convot.common.JsonText;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each connected client receives of an update, with or without a cursor, now or after its
 * own first frames; and that a client which stops reading delays nobody else and is dropped.
 */
class LiveClientsTest {

  private static final Duration SOON = Duration.ofSeconds(5);

  private final LiveClients clients = new LiveClients();
  private final UUID organization = UUID.randomUUID();
  private final UUID contact = UUID.randomUUID();

  /** A connection that keeps what it was sent; a paused one leaves its writes pending until resumed. */
  private static final class Recorded implements LiveClients.Connection {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private boolean paused;
    private boolean failing;

    @Override
    public synchronized CompletionStage<Void> send(String json) {
      if (failing) {
        return CompletableFuture.failedFuture(new IOException("reset by peer"));
      }
      frames.add(json);
      CompletableFuture<Void> written = new CompletableFuture<>();
      if (paused) {
        pending.add(written);
      } else {
        written.complete(null);
      }
      return written;
    }

    synchronized void pause() {
      paused = true;
    }

    synchronized void fail() {
      failing = true;
    }

    void resume() {
      List<CompletableFuture<Void>> waiting;
      synchronized (this) {
        paused = false;
        waiting = List.copyOf(pending);
        pending.clear();
      }
      waiting.forEach(written -> written.complete(null));
    }

    @Override
    public void close(ErrorCode reason, String detail) {
      events.add("closed " + reason.code());
    }

    @Override
    public void drop() {
      events.add("dropped");
    }

    JsonObject frame(int index) {
      return JsonText.readObject(frames.get(index));
    }

    List<String> texts() {
      return frames.stream().map(JsonText::readObject).filter(frame -> frame.containsKey("message"))
          .map(frame -> frame.getJsonObject("message").getString("text")).toList();
    }
  }

  @BeforeEach
  void start() {
    clients.start();
  }

  @AfterEach
  void stop() {
    clients.stop();
  }

  private LiveClients.Credential apiKey() {
    return new LiveClients.Credential(null, UUID.randomUUID().toString(), null, null);
  }

  private LiveClients.Client agent(Recorded connection) {
    LiveClients.Client client = clients.agent(organization, apiKey(), connection);
    clients.release(client);
    return client;
  }

  private static LiveEvent update(UUID organization, UUID contact, String text) {
    return LiveEvent.ofUpdate(organization, contact, "{\"type\":\"message\",\"message\":{\"text\":\"" + text + "\"}}",
        "{\"type\":\"message\",\"message\":{\"text\":\"" + text + "\"}}");
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(10);
    }
  }

  @Test
  void agentsGetUpdatesWithOneCursorAndVisitorsWithout() {
    Recorded first = new Recorded();
    Recorded second = new Recorded();
    Recorded visitor = new Recorded();
    agent(first);
    agent(second);
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), visitor));

    clients.deliver(update(organization, contact, "hello"));

    String cursor = first.frame(0).getString("cursor");
    assertTrue(LiveCursor.read(cursor).isPresent());
    assertEquals(cursor, second.frame(0).getString("cursor"), "one cursor for every connection of one update");
    assertEquals("hello", visitor.frame(0).getJsonObject("message").getString("text"));
    assertFalse(visitor.frame(0).containsKey("cursor"));
  }

  @Test
  void aVisitorGetsOnlyTheUpdatesOfItsOwnContact() {
    Recorded ours = new Recorded();
    Recorded other = new Recorded();
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), ours));
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), UUID.randomUUID(), false), other));

    clients.deliver(update(organization, contact, "for this contact"));
    clients.deliver(LiveEvent.ofUpdate(organization, contact, "{\"type\":\"message\",\"message\":{\"text\":\"a note\"}}", null));

    assertEquals(List.of("for this contact"), ours.texts(), "a note reaches agents only");
    assertEquals(List.of(), other.frames);
  }

  @Test
  void typingCarriesNoCursor() {
    Recorded agent = new Recorded();
    agent(agent);

    clients.deliver(LiveEvent.ofEphemeral(organization, contact, "{\"type\":\"typing\",\"from\":\"visitor\"}", null));

    assertEquals("typing", agent.frame(0).getString("type"));
    assertFalse(agent.frame(0).containsKey("cursor"));
  }

  @Test
  void updatesWaitForTheClientsOwnFirstFramesThenFollowInOrder() {
    Recorded agent = new Recorded();
    LiveClients.Client client = clients.agent(organization, apiKey(), agent);

    clients.deliver(update(organization, contact, "one"));
    clients.deliver(update(organization, contact, "two"));
    client.reply("{\"type\":\"ready\"}");
    client.reply("{\"type\":\"caught_up\"}");
    assertEquals(2, agent.frames.size(), "held until released");
    clients.release(client);
    clients.deliver(update(organization, contact, "three"));

    assertEquals("ready", agent.frame(0).getString("type"));
    assertEquals("caught_up", agent.frame(1).getString("type"));
    assertEquals(List.of("one", "two", "three"), agent.texts());
  }

  @Test
  void anotherOrganizationsUpdateReachesNobody() {
    Recorded agent = new Recorded();
    Recorded visitor = new Recorded();
    agent(agent);
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), visitor));

    clients.deliver(update(UUID.randomUUID(), contact, "elsewhere"));

    assertEquals(List.of(), agent.frames);
    assertEquals(List.of(), visitor.frames, "the same contact id under another organization is someone else");
  }

  @Test
  void aClientThatStopsReadingDelaysNobodyAndIsDroppedPastItsQueue() throws Exception {
    Recorded stalled = new Recorded();
    Recorded reading = new Recorded();
    agent(stalled);
    agent(reading);
    stalled.pause();

    int updates = LiveClients.MAX_QUEUED + 10;
    for (int i = 0; i < updates; i++) {
      clients.deliver(update(organization, contact, "n" + i));
    }

    assertEquals(IntStream.range(0, updates).mapToObj(i -> "n" + i).toList(), reading.texts(), "the reading client got everything, in order");
    await("the stalled client is dropped", () -> stalled.events.equals(List.of("dropped")));
    assertEquals(1, stalled.frames.size(), "one write started, the rest waited in its queue");
    assertEquals(1, clients.size(), "only the reading client is left");
    stalled.resume();
    clients.deliver(update(organization, contact, "after"));
    assertEquals(1, stalled.frames.size(), "nothing more is written to a dropped client");
    assertEquals("after", reading.texts().get(reading.texts().size() - 1));
  }

  @Test
  void aClientWhoseWriteHangsIsDroppedWithoutFurtherTrafficAndAClientBehindInItsQueueIsNot() throws Exception {
    Recorded hanging = new Recorded();
    Recorded behind = new Recorded();
    agent(hanging);
    agent(behind);
    hanging.pause();
    clients.deliver(update(organization, contact, "one"));
    long now = System.nanoTime();

    clients.dropStalled(now + LiveClients.STALLED.toNanos() / 2);
    assertEquals(List.of(), hanging.events, "a write may take a while");
    clients.dropStalled(now + LiveClients.STALLED.toNanos() + 1_000_000_000L);
    await("the hanging client is dropped", () -> hanging.events.equals(List.of("dropped")));
    assertEquals(List.of(), behind.events, "a client whose writes finish stays, whatever waits for it");
    assertEquals(1, clients.size());
  }

  @Test
  void aSlowClientThatCatchesUpGetsEverythingInOrder() throws Exception {
    Recorded slow = new Recorded();
    agent(slow);
    slow.pause();
    for (int i = 0; i < 100; i++) {
      clients.deliver(update(organization, contact, "n" + i));
    }
    assertEquals(1, slow.frames.size());
    slow.resume();

    await("everything written once it reads again", () -> slow.frames.size() == 100);
    assertEquals(IntStream.range(0, 100).mapToObj(i -> "n" + i).toList(), slow.texts());
    assertEquals(List.of(), slow.events);
  }

  @Test
  void aFailedWriteForgetsTheClientAndClosesItsConnection() throws Exception {
    Recorded broken = new Recorded();
    agent(broken);
    broken.fail();

    clients.deliver(update(organization, contact, "lost"));

    await("the broken connection is closed", () -> broken.events.equals(List.of("dropped")));
    assertEquals(0, clients.size());
  }

  @Test
  void aRevocationClosesTheConnectionsItNamesAndNoOther() throws Exception {
    Recorded revoked = new Recorded();
    Recorded kept = new Recorded();
    LiveClients.Credential key = apiKey();
    clients.release(clients.agent(organization, key, revoked));
    agent(kept);

    clients.deliver(LiveEvent.ofRevocation(organization, Revocation.ofCredential(key.id())));
    clients.deliver(update(organization, contact, "after the revocation"));

    await("the revoked connection is closed", () -> revoked.events.equals(List.of("closed token_revoked")));
    assertEquals(List.of(), revoked.texts());
    assertEquals(List.of("after the revocation"), kept.texts());
    assertEquals(List.of(), kept.events);
  }
}
