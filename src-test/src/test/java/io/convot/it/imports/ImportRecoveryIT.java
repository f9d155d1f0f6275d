package io.convot.it.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.crisp.CrispApiSimulator;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An import whose awaited step message was lost (a server that died after the database committed
 * the step that queued it, before the broker did) does not stay stuck: the stored step, which the
 * broker then gives back, sends the next one again; and once an import has not moved for
 * {@code convot.imports.stalled-after} (5 s in the tests), its step is sent again.
 */
class ImportRecoveryIT {

  @Test
  void anImportWhoseNextStepWasLostIsSentItAgainAndCompletes() {
    Imports imports = Imports.setUp("Lost step");
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Lost step"), "Owner of Lost step");
    // The second page of conversations is rate-limited for an hour: the import pauses (15 min at most)
    // and its next step waits in the broker for as long.
    history.website.rateLimitFirst("/conversations/2", 3600);
    String id = imports.started(history.website);
    JsonObject paused = imports.awaitStatus(id, "paused", Duration.ofSeconds(60));
    assertTrue(Instant.parse(paused.getString("resumes_at")).isAfter(Instant.now().plus(Duration.ofMinutes(10))), paused::toString);

    // The import now awaits a step that no message carries, and its pause is over: as after a crash
    // that lost the message of the step it awaits (the one in the broker is a step it no longer awaits).
    assertEquals(1, Database.update("UPDATE imports SET step = step + 1, resumes_at = now() - interval '1 minute',"
        + " updated_at = now() - interval '1 minute' WHERE id = ?::uuid", id));

    JsonObject done = imports.awaitStatus(id, "completed", Duration.ofSeconds(60));
    String org = imports.owner.organizationId();
    assertEquals(history.messages, done.getJsonObject("progress").getInt("messages"));
    assertEquals(history.messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", org));
    assertEquals(CrispHistory.CONVERSATIONS, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", org));
  }

  @Test
  void aStoredStepThatComesAgainSendsTheNextOneAgain() {
    Imports imports = Imports.setUp("Step again");
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Step again"), "Owner of Step again");
    history.website.pause(20);
    String id = imports.started(history.website);

    // The import now awaits the step after the one whose message is on its way (or under way, the
    // update then waiting for it): that message comes as if its step had been stored and the broker
    // had given it back, with the next step's message lost. updated_at an hour ahead keeps the
    // stalled-import sweeper away, so only the step that comes again can move the import on.
    assertEquals(1, Database.update("UPDATE imports SET step = step + 1, updated_at = now() + interval '1 hour'"
        + " WHERE id = ?::uuid AND status IN ('queued', 'running')", id), "the import was still running");

    JsonObject done = imports.awaitStatus(id, "completed", Duration.ofSeconds(60));
    assertEquals(history.messages, done.getJsonObject("progress").getInt("messages"));
    assertEquals(history.messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid",
        imports.owner.organizationId()));
  }
}
