package io.convot.it.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.TestServer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle events older than twelve months are pruned by the scheduled retention job (every 3 s
 * on the test server), which logs what it deleted; younger ones stay, and running it again deletes
 * nothing more.
 */
class LifecycleRetentionIT {

  private static final Pattern REPORT = Pattern.compile("Retention: deleted (\\d+) Shopify lifecycle events");

  @Test
  void eventsOlderThanTwelveMonthsArePrunedAndReported() {
    Shopify shopify = Shopify.setUp("Retention");
    String organization = shopify.owner.organizationId();
    Instant now = Instant.now();
    insertEvent(organization, shopify.appId(), now.atOffset(ZoneOffset.UTC).minusMonths(13).toInstant(), "old-1");
    insertEvent(organization, shopify.appId(), now.atOffset(ZoneOffset.UTC).minusMonths(25).toInstant(), "old-2");
    insertEvent(organization, shopify.appId(), now.atOffset(ZoneOffset.UTC).minusMonths(11).toInstant(), "young");
    int reportsBefore = reports().size();

    Eventually.await(() -> count(organization), remaining -> remaining == 1, Duration.ofSeconds(30),
        "the old events are pruned");

    assertEquals(List.of("young"), Database.column(
        "SELECT event_key FROM shopify_lifecycle_events WHERE organization_id = ?::uuid", UUID.fromString(organization)));
    int reportsOfThePruning = reports().size();
    List<Integer> pruning = reports().subList(reportsBefore, reportsOfThePruning);
    assertTrue(pruning.stream().mapToInt(Integer::intValue).sum() >= 2, "the deletions were reported: " + pruning);
    List<Integer> after = Eventually.await(LifecycleRetentionIT::reports, all -> all.size() > reportsOfThePruning,
        Duration.ofSeconds(30), "another retention run");
    assertEquals(0, after.get(after.size() - 1), "running again deletes nothing: " + after);
  }

  private static long count(String organization) {
    return Database.count("SELECT count(*) FROM shopify_lifecycle_events WHERE organization_id = ?::uuid", UUID.fromString(organization));
  }

  private static List<Integer> reports() {
    Matcher matcher = REPORT.matcher(TestServer.log());
    List<Integer> deleted = new java.util.ArrayList<>();
    while (matcher.find()) {
      deleted.add(Integer.parseInt(matcher.group(1)));
    }
    return deleted;
  }

  private static void insertEvent(String organization, String app, Instant at, String key) {
    Database.update("""
        INSERT INTO shopify_lifecycle_events (id, organization_id, app_id, myshopify_domain, type, occurred_at, event_key)
        VALUES (?, ?::uuid, ?::uuid, 'kept.myshopify.com', 'RELATIONSHIP_INSTALLED', ?, ?)""",
        UUID.randomUUID(), organization, app, Timestamp.from(at), key);
  }
}
