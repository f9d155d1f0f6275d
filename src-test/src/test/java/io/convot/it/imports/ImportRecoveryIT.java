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
 * the step that queued it, before the broker did) does not stay stuck: once it has not moved for
 * {@code convot.imports.stalled-after} (5 s in the tests), its step is sent again and it ends.
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
}
