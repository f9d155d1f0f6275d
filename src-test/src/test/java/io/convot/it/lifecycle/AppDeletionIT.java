package io.convot.it.lifecycle;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting an app is not immediate: it waits out a grace period (7 days; seconds on the test server)
 * listed with deleted_at and purge_after, its widget refusing visitors and its settings frozen, its
 * conversations still readable; restoring brings it back, and otherwise the deletion job removes it
 * and its rows, and no other app's.
 */
class AppDeletionIT {

  @Test
  void aDeletedAppWaitsOutItsGracePeriodAndCanBeRestored() {
    Organizations.Owner owner = Organizations.signUp("Restoring Co");
    JsonObject app = LifecycleFixtures.appWithConversation(owner, "Shop", "ann@shop.test", "hello");
    String id = app.getString("id");
    Widget widget = new Widget(app.getString("app_key"));
    String visitor = widget.session("");

    Instant before = Instant.now();
    assertEquals(204, owner.api().delete("/api/v1/apps/" + id).status());

    JsonObject deleted = owner.api().get("/api/v1/apps/" + id).json();
    Instant deletedAt = Instant.parse(deleted.getString("deleted_at"));
    assertFalse(deletedAt.isBefore(before.minusSeconds(1)));
    assertEquals(LifecycleFixtures.APP_GRACE, Duration.between(deletedAt, Instant.parse(deleted.getString("purge_after"))));
    assertEquals(deleted, owner.api().get("/api/v1/apps").json().getJsonArray("data").getJsonObject(0));
    assertEquals(204, owner.api().delete("/api/v1/apps/" + id).status());
    assertEquals(deleted.getString("purge_after"), owner.api().get("/api/v1/apps/" + id).string("purge_after"));

    assertProblem(owner.api().patch("/api/v1/apps/" + id, "{\"name\": \"Renamed\"}"), 409, "app_deleted");
    assertProblem(owner.api().post("/api/v1/apps/" + id + "/identity-secret/rotate", ""), 409, "app_deleted");
    assertProblem(Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + app.getString("app_key")), 403,
        "widget_unavailable");
    assertProblem(widget.start(""), 403, "widget_unavailable");
    assertProblem(Widget.send(visitor, "still there?"), 403, "widget_unavailable");
    assertEquals(1, owner.api().get("/api/v1/conversations?app_id=" + id).json().getJsonArray("data").size());

    Api.Reply restored = owner.api().post("/api/v1/apps/" + id + "/restore", "");
    assertEquals(200, restored.status(), restored::toString);
    assertTrue(restored.isNull("deleted_at"));
    assertTrue(restored.isNull("purge_after"));
    assertEquals(201, Widget.send(visitor, "back").status());
    assertEquals(200, owner.api().patch("/api/v1/apps/" + id, "{\"name\": \"Renamed\"}").status());

    // Past the grace period and two runs of the job, the restored app is still there.
    Instant watchUntil = Instant.now().plus(LifecycleFixtures.APP_GRACE).plusSeconds(5);
    while (Instant.now().isBefore(watchUntil)) {
      assertEquals(200, owner.api().get("/api/v1/apps/" + id).status());
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  @Test
  void theGracePeriodOverTheAppAndItsRowsAreDeletedAndNoOtherAppsOnes() {
    Organizations.Owner owner = Organizations.signUp("Pruning Co");
    JsonObject doomed = LifecycleFixtures.appWithConversation(owner, "Doomed", "ann@shop.test", "hello");
    JsonObject kept = LifecycleFixtures.appWithConversation(owner, "Kept", "bob@shop.test", "hi");
    Organizations.Owner other = Organizations.signUp("Other Co");
    LifecycleFixtures.appWithConversation(other, "Theirs", "eve@else.test", "hey");
    UUID doomedId = UUID.fromString(doomed.getString("id"));
    long doomedMessages = Database.count("SELECT count(*) FROM messages WHERE app_id = ?", doomedId);
    Map<String, Long> otherRows = LifecycleFixtures.rowsOf(other.organizationId());
    long keptMessages = Database.count("SELECT count(*) FROM messages WHERE app_id = ?", UUID.fromString(kept.getString("id")));
    assertProblem(other.api().delete("/api/v1/apps/" + doomedId), 404, "not_found");
    assertProblem(other.api().post("/api/v1/apps/" + doomedId + "/restore", ""), 404, "not_found");

    assertEquals(204, owner.api().delete("/api/v1/apps/" + doomedId).status());
    Eventually.await(() -> owner.api().get("/api/v1/apps/" + doomedId).status(), status -> status == 404, LifecycleFixtures.PAST_GRACE,
        "the app's deletion");

    for (String table : LifecycleFixtures.tablesWithOrganizationId()) {
      boolean hasAppId = Database.count("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = 'app_id'"
          + " AND table_schema = current_schema()", table) == 1;
      if (hasAppId) {
        assertEquals(0, Database.count("SELECT count(*) FROM \"" + table + "\" WHERE app_id = ?", doomedId), table);
      }
    }
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
    assertEquals(keptMessages, Database.count("SELECT count(*) FROM messages WHERE app_id = ?", UUID.fromString(kept.getString("id"))));
    assertEquals(otherRows, LifecycleFixtures.rowsOf(other.organizationId()));
    Map<String, Long> logged = LifecycleFixtures.deletionLog("app", doomedId.toString());
    assertEquals(doomedMessages, logged.get("messages"));
    assertEquals(1L, logged.get("apps"));
    assertEquals(1L, logged.get("contacts"));
    assertEquals(1L, logged.get("conversations"));
  }
}
