package io.convot.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * At the end of the grace period the deletion job removes every row of the organization from every
 * table that has an organization_id (read from the catalog, as the job reads it), leaves every other
 * organization as it was, and records counts per table in deletion_log; killed midway, it finishes
 * at its next run with exact counts.
 */
class DeletionJobIT {

  @Test
  void theGracePeriodOverEveryRowOfTheOrganizationIsDeletedAndCounted() {
    Organizations.Owner leaving = organizationWithEverything("Leaving Co");
    Organizations.Owner staying = organizationWithEverything("Staying Co");
    Map<String, Long> leavingRows = LifecycleFixtures.rowsOf(leaving.organizationId());
    Map<String, Long> stayingRows = LifecycleFixtures.rowsOf(staying.organizationId());
    for (String table : new String[] {"members", "apps", "contacts", "conversations", "messages", "contact_events", "events",
        "webhook_endpoints", "api_keys", "integration_tokens", "organization_exports", "organization_export_chunks"}) {
      assertTrue(leavingRows.containsKey(table), () -> "the fixture holds no " + table + ": " + leavingRows);
    }

    assertEquals(200, leaving.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());
    LifecycleFixtures.awaitOrganizationDeleted(leaving.organizationId());

    for (String table : LifecycleFixtures.tablesWithOrganizationId()) {
      assertEquals(0, Database.count("SELECT count(*) FROM \"" + table + "\" WHERE organization_id = ?",
          UUID.fromString(leaving.organizationId())), () -> table + " still holds rows of the deleted organization");
    }
    assertEquals(0, Database.count("SELECT count(*) FROM contact_data d WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = d.contact_id)"));
    assertEquals(stayingRows, LifecycleFixtures.rowsOf(staying.organizationId()), "the other organization changed");
    assertEquals(200, staying.api().get("/api/v1/me").status());
    assertEquals(401, leaving.api().get("/api/v1/me").status());

    Map<String, Long> logged = LifecycleFixtures.deletionLog("organization", leaving.organizationId());
    Map<String, Long> expected = new java.util.TreeMap<>(leavingRows);
    expected.put("organizations", 1L);
    assertEquals(expected, new java.util.TreeMap<>(logged));
    assertEquals(leaving.organizationId(), Database.single("SELECT of_organization::text FROM deletion_log WHERE subject_id = ?",
        UUID.fromString(leaving.organizationId())));
  }

  @Test
  void aDeletionKilledMidwayFinishesAtTheNextRun() throws Exception {
    Organizations.Owner leaving = organizationWithEverything("Crashing Co");
    UUID organization = UUID.fromString(leaving.organizationId());
    Map<String, Long> rows = LifecycleFixtures.rowsOf(leaving.organizationId());
    long killed;
    try (Database.Transaction blocker = Database.begin()) {
      // The apps come late in the deletion order (everything else references them): holding one stops the job there.
      blocker.update("UPDATE apps SET updated_at = updated_at WHERE organization_id = ?", organization);
      assertEquals(200, leaving.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());

      Eventually.await(blocker::sessionsWaitingOnIt, waiting -> waiting > 0, LifecycleFixtures.PAST_GRACE, "the job waiting on the app");
      killed = Database.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE ? = ANY (pg_blocking_pids(pid))) killed", blocker.backend());

      // Midway: the conversations and messages are gone, the apps and the organization not yet.
      assertEquals(0, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?", organization));
      assertEquals(0, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?", organization));
      assertEquals(rows.get("apps"), Database.count("SELECT count(*) FROM apps WHERE organization_id = ?", organization));
      assertTrue(LifecycleFixtures.organizationExists(leaving.organizationId()));
      assertEquals(0, Database.count("SELECT count(*) FROM deletion_log WHERE subject_id = ? AND finished_at IS NOT NULL", organization));
    }
    assertTrue(killed >= 1, "no job connection was killed");

    LifecycleFixtures.awaitOrganizationDeleted(leaving.organizationId());
    Map<String, Long> expected = new java.util.TreeMap<>(rows);
    expected.put("organizations", 1L);
    assertEquals(expected, new java.util.TreeMap<>(LifecycleFixtures.deletionLog("organization", leaving.organizationId())));
    assertTrue(Database.count("SELECT runs FROM deletion_log WHERE subject_id = ?", organization) >= 2);
    for (String table : LifecycleFixtures.tablesWithOrganizationId()) {
      assertEquals(0, Database.count("SELECT count(*) FROM \"" + table + "\" WHERE organization_id = ?", organization), table);
    }
  }

  @Test
  void aReactivatedOrganizationIsNotDeleted() {
    Organizations.Owner owner = Organizations.signUp("Changed Mind Co");
    Organizations.createApp(owner.api(), "Kept");
    assertEquals(200, owner.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());
    assertEquals(200, owner.api().post("/api/v1/organization/reactivate", "").status());

    // Watch past the grace period and two more runs of the job: nothing goes.
    long deadline = System.nanoTime() + LifecycleFixtures.ORGANIZATION_GRACE.plus(Duration.ofSeconds(5)).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(LifecycleFixtures.organizationExists(owner.organizationId()));
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
    assertFalse(Database.count("SELECT count(*) FROM deletion_log WHERE subject_id = ?", UUID.fromString(owner.organizationId())) > 0);
  }

  /** Members, an API key, an integration token, a webhook endpoint, two apps with conversations, an export. */
  private static Organizations.Owner organizationWithEverything(String name) {
    Organizations.Owner owner = Organizations.signUp(name);
    Team.join(owner, "agent");
    assertEquals(201, owner.api().post("/api/v1/api-keys", "{\"name\": \"ci\"}").status());
    assertEquals(201, owner.api().post("/api/v1/tokens", "{\"name\": \"zapier\"}").status());
    assertEquals(201, owner.api().post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/convot\", \"events\": [\"conversation.resolved\"]}").status());
    LifecycleFixtures.appWithConversation(owner, "Shop", "ann@shop.test", "hello");
    LifecycleFixtures.appWithConversation(owner, "Other shop", "bob@shop.test", "hi there");
    String export = owner.api().post("/api/v1/organization/export", "").string("id");
    Eventually.await(() -> owner.api().get("/api/v1/organization/exports/" + export).string("status"), "ready"::equals,
        Duration.ofSeconds(30), "the export");
    return owner;
  }
}
