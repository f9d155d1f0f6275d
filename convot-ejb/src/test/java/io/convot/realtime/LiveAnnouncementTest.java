package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.common.ErrorCode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An announcement (an app's availability) reaches every visitor of that app, and nobody else. */
class LiveAnnouncementTest {

  private static final String FRAME = "{\"type\":\"availability\",\"available\":true}";

  private final LiveClients clients = new LiveClients();
  private final UUID organization = UUID.randomUUID();
  private final UUID app = UUID.randomUUID();

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

    @Override
    public void drop() {
      frames.add("dropped");
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

  /** Waits a little for what a client was sent (sending may be asynchronous), then looks at all of it. */
  private static List<String> settled(Recorded client, int expected) throws InterruptedException {
    for (int i = 0; i < 50 && client.frames.size() < expected; i++) {
      Thread.sleep(20);
    }
    Thread.sleep(100);
    return List.copyOf(client.frames);
  }

  @Test
  void everyVisitorOfTheAppHearsItAndNoAgentOrOtherAppOrOrganizationDoes() throws InterruptedException {
    Recorded first = new Recorded();
    Recorded second = new Recorded();
    Recorded otherApp = new Recorded();
    Recorded otherOrganization = new Recorded();
    Recorded agent = new Recorded();
    clients.release(clients.visitor(organization, new LiveClients.Visitor(app, UUID.randomUUID(), false), first));
    clients.release(clients.visitor(organization, new LiveClients.Visitor(app, UUID.randomUUID(), true), second));
    clients.release(clients.visitor(organization, new LiveClients.Visitor(UUID.randomUUID(), UUID.randomUUID(), false), otherApp));
    clients.release(clients.visitor(UUID.randomUUID(), new LiveClients.Visitor(app, UUID.randomUUID(), false), otherOrganization));
    clients.release(clients.agent(organization, new LiveClients.Credential(null, "key", null, null), agent));

    clients.announce(organization, app, FRAME);

    assertEquals(List.of(FRAME), settled(first, 1));
    assertEquals(List.of(FRAME), settled(second, 1));
    assertEquals(List.of(), settled(otherApp, 0));
    assertEquals(List.of(), settled(otherOrganization, 0));
    assertEquals(List.of(), settled(agent, 0));
  }

  @Test
  void anAnnouncementTravelsTheTopicAsOneAndDeliversNothingElse() {
    LiveEvent event = LiveEvent.ofAnnouncement(organization, app, FRAME);
    LiveEvent read = io.convot.common.JsonText.JSONB.fromJson(io.convot.common.JsonText.JSONB.toJson(event), LiveEvent.class);
    assertEquals(event, read);
    assertEquals(true, read.isAnnouncement());
    assertEquals(false, LiveEvent.ofUpdate(organization, UUID.randomUUID(), "{}", null).isAnnouncement());
  }
}
