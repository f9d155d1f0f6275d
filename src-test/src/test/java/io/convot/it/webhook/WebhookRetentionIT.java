package io.convot.it.webhook;

import static io.convot.it.webhook.WebhookFixtures.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The delivery log is kept 30 days: older deliveries, their attempts and their relayed events are
 * deleted by the retention job (every few seconds on the test server), newer ones stay.
 */
class WebhookRetentionIT {

  private static final Pattern REPORT = Pattern.compile("Retention: deleted [1-9][0-9]* webhook deliveries \\(with their attempts\\) and [1-9][0-9]* relayed outbox events");

  @Test
  void deliveriesRelayedEventsAndServerRunsOlderThan30DaysArePrunedAndNewerOnesKept() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Retained Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Retained", false).getString("app_key"));
    try (Receiver receiver = new Receiver()) {
      WebhookFixtures.endpoint(owner.api(), receiver.url());
      WebhookFixtures.visitorWrites(widget, "keep me for a month");
      receiver.await(request -> true, 4, SOON);
      Eventually.await(() -> count("SELECT count(*) FROM webhook_attempts WHERE organization_id = ?::uuid", owner.organizationId()),
          attempts -> attempts == 4, SOON, "four attempts recorded");

      // Two of the four events (and their deliveries and attempts) happened 31 days ago; the two others 29.
      String old = "SELECT id FROM events WHERE organization_id = ?::uuid AND type IN ('contact.created', 'contact.identified')";
      String recent = "SELECT id FROM events WHERE organization_id = ?::uuid AND type NOT IN ('contact.created', 'contact.identified')";
      String silentRun = java.util.UUID.randomUUID().toString();
      String recentRun = java.util.UUID.randomUUID().toString();
      Database.update("INSERT INTO server_runs (id, server, started_at, alive_at) VALUES (?::uuid, 'gone', now() - interval '40 days',"
          + " now() - interval '31 days'), (?::uuid, 'gone too', now() - interval '40 days', now() - interval '29 days')", silentRun, recentRun);
      setBack(old, "31 days", owner.organizationId());
      setBack(recent, "29 days", owner.organizationId());
      List<Object> oldDeliveries = Database.column("SELECT id FROM webhook_deliveries WHERE event_id IN (" + old + ")", owner.organizationId());
      assertEquals(2, oldDeliveries.size());

      Eventually.await(() -> count("SELECT count(*) FROM events WHERE organization_id = ?::uuid", owner.organizationId()),
          events -> events == 2, SOON, "the two old events pruned");
      assertEquals(0, count("SELECT count(*) FROM webhook_deliveries WHERE id = ANY(?::uuid[])", array(oldDeliveries)));
      assertEquals(0, count("SELECT count(*) FROM webhook_attempts WHERE delivery_id = ANY(?::uuid[])", array(oldDeliveries)));
      assertEquals(2, count("SELECT count(*) FROM webhook_deliveries WHERE organization_id = ?::uuid", owner.organizationId()));
      assertEquals(2, count("SELECT count(*) FROM webhook_attempts WHERE organization_id = ?::uuid", owner.organizationId()));
      assertEquals(0, count("SELECT count(*) FROM events WHERE organization_id = ?::uuid AND type IN ('contact.created', 'contact.identified')",
          owner.organizationId()));
      assertEquals(0, count("SELECT count(*) FROM server_runs WHERE id = ?::uuid", silentRun), "a run silent for 31 days is forgotten");
      assertEquals(1, count("SELECT count(*) FROM server_runs WHERE id = ?::uuid", recentRun));
      assertTrue(REPORT.matcher(TestServer.log()).find(), "the job logs what it deleted");
    }
  }

  private static void setBack(String events, String interval, String organizationId) {
    Database.update("UPDATE webhook_attempts SET attempted_at = attempted_at - interval '" + interval + "'"
        + " WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE event_id IN (" + events + "))", organizationId);
    Database.update("UPDATE webhook_deliveries SET created_at = created_at - interval '" + interval + "'"
        + ", updated_at = updated_at - interval '" + interval + "' WHERE event_id IN (" + events + ")", organizationId);
    Database.update("UPDATE events SET created_at = created_at - interval '" + interval + "' WHERE id IN (" + events + ")", organizationId);
  }

  private static long count(String sql, Object... parameters) {
    return Database.count(sql, parameters);
  }

  private static String array(List<Object> ids) {
    return "{" + String.join(",", ids.stream().map(Object::toString).toList()) + "}";
  }
}
