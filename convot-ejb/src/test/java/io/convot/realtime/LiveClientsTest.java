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
    private boolean paused;
    private boolean failing;

    @Override
    public synchronized void send(String json) throws IOException {
      if (failing) {
        throw new IOException("reset by peer");
      }
      frames.add(json);
      while (paused) {
        try {
          wait(); // a client that does not read: the write hangs
        } catch (InterruptedException e) {
          throw new IOException("interrupted", e);
        }
      }
    }

    synchronized void pause() {
      paused = true;
    }

    synchronized void fail() {
      failing = true;
    }

    synchronized void resume() {
      paused = false;
      notifyAll();
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

  /** Writes happen on writer threads: waits until {@code connection} was sent {@code count} frames. */
  private static Recorded written(Recorded connection, int count) throws InterruptedException {
    await(count + " frames written, got " + connection.frames, () -> connection.frames.size() >= count);
    return connection;
  }

  /** Gives the writer threads time to write what they would, for a check that nothing was. */
  private static void quietly() throws InterruptedException {
    Thread.sleep(300);
  }

  @Test
  void agentsGetUpdatesWithOneCursorAndVisitorsWithout() throws Exception {
    Recorded first = new Recorded();
    Recorded second = new Recorded();
    Recorded visitor = new Recorded();
    agent(first);
    agent(second);
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), visitor));

    clients.deliver(update(organization, contact, "hello"));
    written(first, 1);
    written(second, 1);
    written(visitor, 1);

    String cursor = first.frame(0).getString("cursor");
    assertTrue(LiveCursor.read(cursor).isPresent());
    assertEquals(cursor, second.frame(0).getString("cursor"), "one cursor for every connection of one update");
    assertEquals("hello", visitor.frame(0).getJsonObject("message").getString("text"));
    assertFalse(visitor.frame(0).containsKey("cursor"));
  }

  @Test
  void aVisitorGetsOnlyTheUpdatesOfItsOwnContact() throws Exception {
    Recorded ours = new Recorded();
    Recorded other = new Recorded();
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), ours));
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), UUID.randomUUID(), false), other));

    clients.deliver(update(organization, contact, "for this contact"));
    clients.deliver(LiveEvent.ofUpdate(organization, contact, "{\"type\":\"message\",\"message\":{\"text\":\"a note\"}}", null));
    written(ours, 1);
    quietly();

    assertEquals(List.of("for this contact"), ours.texts(), "a note reaches agents only");
    assertEquals(List.of(), other.frames);
  }

  @Test
  void typingCarriesNoCursor() throws Exception {
    Recorded agent = new Recorded();
    agent(agent);

    clients.deliver(LiveEvent.ofEphemeral(organization, contact, "{\"type\":\"typing\",\"from\":\"visitor\"}", null));
    written(agent, 1);

    assertEquals("typing", agent.frame(0).getString("type"));
    assertFalse(agent.frame(0).containsKey("cursor"));
  }

  @Test
  void updatesWaitForTheClientsOwnFirstFramesThenFollowInOrder() throws Exception {
    Recorded agent = new Recorded();
    LiveClients.Client client = clients.agent(organization, apiKey(), agent);

    clients.deliver(update(organization, contact, "one"));
    clients.deliver(update(organization, contact, "two"));
    client.reply("{\"type\":\"ready\"}");
    client.reply("{\"type\":\"caught_up\"}");
    written(agent, 2);
    quietly();
    assertEquals(2, agent.frames.size(), "held until released");
    clients.release(client);
    clients.deliver(update(organization, contact, "three"));
    written(agent, 5);

    assertEquals("ready", agent.frame(0).getString("type"));
    assertEquals("caught_up", agent.frame(1).getString("type"));
    assertEquals(List.of("one", "two", "three"), agent.texts());
  }

  @Test
  void anotherOrganizationsUpdateReachesNobody() throws Exception {
    Recorded agent = new Recorded();
    Recorded visitor = new Recorded();
    agent(agent);
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), visitor));

    clients.deliver(update(UUID.randomUUID(), contact, "elsewhere"));
    quietly();

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

    written(reading, updates);
    assertEquals(IntStream.range(0, updates).mapToObj(i -> "n" + i).toList(), reading.texts(), "the reading client got everything, in order");
    await("the stalled client is dropped", () -> stalled.events.equals(List.of("dropped")));
    assertEquals(1, stalled.frames.size(), "one write started, the rest waited in its queue");
    assertEquals(1, clients.size(), "only the reading client is left");
    stalled.resume();
    clients.deliver(update(organization, contact, "after"));
    written(reading, updates + 1);
    quietly();
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
    written(hanging, 1);
    written(behind, 1);
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
    written(slow, 1);
    quietly();
    assertEquals(1, slow.frames.size(), "the first write hangs, the rest wait");
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
    written(kept, 1);

    await("the revoked connection is closed", () -> revoked.events.equals(List.of("closed token_revoked")));
    assertEquals(List.of(), revoked.texts());
    assertEquals(List.of("after the revocation"), kept.texts());
    assertEquals(List.of(), kept.events);
  }
}
