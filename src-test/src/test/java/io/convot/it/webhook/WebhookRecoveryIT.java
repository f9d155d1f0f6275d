package io.convot.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a crash between the database's commit and the broker's leaves behind: a pending delivery
 * whose message never reached the broker. Its run being over is what tells the sweeper to send it
 * again; a live run's deliveries are left alone, and a message the broker still has is not sent twice.
 */
class WebhookRecoveryIT {

  /** The sweeper looks every 5 s; "within seconds" allows two rounds and the POST. */
  private static final Duration SECONDS = Duration.ofSeconds(15);

  private final Organizations.Owner owner = Organizations.signUp("Recovered Co");
  private final Widget widget = new Widget(Widget.createApp(owner.api(), "Recovered", false).getString("app_key"));
  private final Receiver crashed = newReceiver();
  private final Receiver live = newReceiver();

  private static Receiver newReceiver() {
    try {
      return new Receiver();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stopReceivers() {
    crashed.close();
    live.close();
  }

  /** A run of another server: over (its heartbeat 30 s old, past the 20 s lease) or live (its heartbeat ahead of the test). */
  private static String run(boolean over) {
    String id = UUID.randomUUID().toString();
    Database.update("INSERT INTO server_runs (id, server, started_at, alive_at) VALUES (?::uuid, ?, now() - interval '5 minutes', now() + "
        + (over ? "interval '-30 seconds'" : "interval '2 minutes'") + ")", id, "elsewhere-" + id);
    return id;
  }

  /** A pending delivery of {@code eventId} whose first attempt {@code runId} queued 20 s ago, in a message the broker never got. */
  private static String pendingDelivery(String organizationId, String endpointId, String eventId, String runId) {
    String id = UUID.randomUUID().toString();
    Database.update("INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, status, attempts,"
            + " next_attempt_at, created_at, updated_at, queued_message, queued_by, queued_at)"
            + " VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'message.received', 'pending', 0, now() - interval '20 seconds',"
            + " now() - interval '20 seconds', now() - interval '20 seconds', ?::uuid, ?::uuid, now() - interval '20 seconds')",
        id, organizationId, endpointId, eventId, UUID.randomUUID().toString(), runId);
    return id;
  }

  private String messageReceivedEvent() {
    return (String) Database.single("SELECT id::text FROM events WHERE organization_id = ?::uuid AND type = 'message.received'",
        owner.organizationId());
  }

  @Test
  void aDeliveryWhoseRunIsOverIsSentWithinSecondsAndALiveRunsIsLeftAlone() throws Exception {
    // Subscribed to something else, so that the message below reaches them only through the rows made here.
    JsonObject toCrashed = WebhookFixtures.endpoint(owner.api(), crashed.url(), List.of("conversation.resolved"), List.of());
    JsonObject toLive = WebhookFixtures.endpoint(owner.api(), live.url(), List.of("conversation.resolved"), List.of());
    WebhookFixtures.visitorWrites(widget, "lost in the crash");
    String event = messageReceivedEvent();
    String overRun = run(true);
    String crashedDelivery = pendingDelivery(owner.organizationId(), toCrashed.getString("id"), event, overRun);
    pendingDelivery(owner.organizationId(), toLive.getString("id"), event, run(false));

    Receiver.Request arrived = crashed.await(Receiver.ofType("message.received"), 1, SECONDS).get(0);

    assertEquals(event, arrived.header("webhook-id"));
    assertEquals("1", arrived.header("Convot-Delivery-Attempt"));
    WebhookFixtures.verify(toCrashed.getString("secret"), arrived);
    assertEquals("succeeded", Eventually.await(() -> (String) Database.single(
        "SELECT status FROM webhook_deliveries WHERE id = ?::uuid", crashedDelivery), "succeeded"::equals, SECONDS, "the delivery recorded"));
    // A live run may still be committing its message: two more sweeps later, nothing went to its endpoint.
    LockSupport.parkNanos(Duration.ofSeconds(12).toNanos());
    assertEquals(List.of(), live.requests());
    assertEquals(1, crashed.requests().size());
  }

  @Test
  void aMessageTheBrokerStillHasIsNotSentTwice() throws Exception {
    // The first attempt is asked to wait 15 s: its second attempt's message sits in the broker, held back.
    crashed.answer(new Answer(429, Map.of("Retry-After", "15"), ""));
    JsonObject endpoint = WebhookFixtures.endpoint(owner.api(), crashed.url(), List.of("message.received"), List.of());
    WebhookFixtures.visitorWrites(widget, "wait for it");
    Receiver.Request first = crashed.await(Receiver.ofType("message.received"), 1, SECONDS).get(0);
    String delivery = Eventually.await(() -> (String) Database.single("SELECT id::text FROM webhook_deliveries"
        + " WHERE endpoint_id = ?::uuid AND attempts = 1", endpoint.getString("id")), id -> id != null, SECONDS, "the first attempt recorded");
    String message = (String) Database.single("SELECT queued_message::text FROM webhook_deliveries WHERE id = ?::uuid", delivery);

    // As if the server that queued it had crashed since: the sweeper sends the message again.
    String overRun = run(true);
    Database.update("UPDATE webhook_deliveries SET queued_by = ?::uuid WHERE id = ?::uuid", overRun, delivery);
    Eventually.await(() -> (String) Database.single("SELECT queued_by::text FROM webhook_deliveries WHERE id = ?::uuid", delivery),
        runId -> !overRun.equals(runId), SECONDS, "a live run answering for the delivery");

    List<Receiver.Request> attempts = crashed.await(Receiver.ofType("message.received"), 2, Duration.ofSeconds(30));
    assertEquals("2", attempts.get(1).header("Convot-Delivery-Attempt"));
    Duration waited = Duration.between(first.arrivedAt(), attempts.get(1).arrivedAt());
    assertTrue(waited.compareTo(Duration.ofMillis(14_500)) >= 0, "the second attempt kept its Retry-After: " + waited);
    // The broker dropped the copy (its duplicate id is the original's), so no second "attempt 2" follows.
    assertTrue(TestServer.log().contains(message), "the broker logs the duplicate it dropped");
    LockSupport.parkNanos(Duration.ofSeconds(8).toNanos());
    assertEquals(2, crashed.requests().size(), () -> crashed.requests().stream().map(r -> r.header("Convot-Delivery-Attempt")).toList().toString());
    assertNotEquals(overRun, Database.single("SELECT queued_by::text FROM webhook_deliveries WHERE id = ?::uuid", delivery));
  }
}
