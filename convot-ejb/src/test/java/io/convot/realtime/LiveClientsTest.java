package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.ErrorCode;
import io.convot.common.JsonText;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each connected client receives of an update, with or without a cursor, now or after its catch-up. */
class LiveClientsTest {

  private final LiveClients clients = new LiveClients();
  private final UUID organization = UUID.randomUUID();
  private final UUID contact = UUID.randomUUID();

  /** A connection that keeps what it was sent. */
  private static final class Recorded implements LiveClients.Connection {
    final List<String> frames = new CopyOnWriteArrayList<>();

    @Override
    public void send(String json) {
      frames.add(json);
    }

    @Override
    public void close(ErrorCode reason, String detail) {
      frames.add("closed " + reason.code());
    }

    JsonObject frame(int index) {
      return JsonText.readObject(frames.get(index));
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

  private static LiveEvent update(UUID organization, UUID contact, String text) {
    return LiveEvent.ofUpdate(organization, contact, "{\"type\":\"message\",\"message\":{\"text\":\"" + text + "\"}}",
        "{\"type\":\"message\",\"message\":{\"text\":\"" + text + "\"}}");
  }

  @Test
  void agentsGetUpdatesWithOneCursorAndVisitorsWithout() {
    Recorded first = new Recorded();
    Recorded second = new Recorded();
    Recorded visitor = new Recorded();
    clients.agent(organization, apiKey(), first, false);
    clients.agent(organization, apiKey(), second, false);
    clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), contact, false), visitor);

    clients.deliver(update(organization, contact, "hello"));

    String cursor = first.frame(0).getString("cursor");
    assertTrue(LiveCursor.read(cursor).isPresent());
    assertEquals(cursor, second.frame(0).getString("cursor"), "one cursor for every connection of one update");
    assertEquals("hello", visitor.frame(0).getJsonObject("message").getString("text"));
    assertFalse(visitor.frame(0).containsKey("cursor"));
  }

  @Test
  void typingCarriesNoCursor() {
    Recorded agent = new Recorded();
    clients.agent(organization, apiKey(), agent, false);

    clients.deliver(LiveEvent.ofEphemeral(organization, contact, "{\"type\":\"typing\",\"from\":\"visitor\"}", null));

    assertEquals("typing", agent.frame(0).getString("type"));
    assertFalse(agent.frame(0).containsKey("cursor"));
  }

  @Test
  void aClientCatchingUpGetsTheUpdatesOfMeanwhileAfterItsCatchUpInOrder() {
    Recorded agent = new Recorded();
    LiveClients.Client client = clients.agent(organization, apiKey(), agent, true);

    clients.deliver(update(organization, contact, "one"));
    clients.deliver(update(organization, contact, "two"));
    agent.send("{\"type\":\"caught_up\"}");
    assertEquals(1, agent.frames.size(), "held while catching up");
    clients.release(client);
    clients.deliver(update(organization, contact, "three"));

    assertEquals("caught_up", agent.frame(0).getString("type"));
    assertEquals(List.of("one", "two", "three"),
        List.of(1, 2, 3).stream().map(i -> agent.frame(i).getJsonObject("message").getString("text")).toList());
  }

  @Test
  void anotherOrganizationsUpdateReachesNobody() {
    Recorded agent = new Recorded();
    clients.agent(organization, apiKey(), agent, false);

    clients.deliver(update(UUID.randomUUID(), contact, "elsewhere"));

    assertEquals(List.of(), agent.frames);
  }
}
