package io.convot.it.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.TestServer;
import io.convot.it.support.crisp.CrispApiSimulator;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server is killed ({@code kill -9}) in the middle of an import, then started again: the
 * import resumes by itself from the step it was in, and ends with every contact, conversation and
 * message exactly once, its counts matching what the database holds.
 */
class ImportCrashRecoveryIT {

  private static final int PEOPLE = 80;
  private static final int CONVERSATIONS = 400;
  private static final int MESSAGES_EACH = 8;

  @Test
  void anImportCutOffByAKillResumesAfterTheRestartAndDuplicatesNothing() throws Exception {
    Imports imports = Imports.setUp("Crash import");
    CrispWebsite website = CrispApiSimulator.get().website("Crash import");
    Instant start = Instant.parse("2025-06-01T08:00:00Z");
    for (int p = 0; p < PEOPLE; p++) {
      website.person(CrispWebsite.person("crash-p" + p, "crash" + p + "@example.test", "Crash " + p, null, null, List.of(), start));
    }
    for (int c = 0; c < CONVERSATIONS; c++) {
      String session = "session_crash_" + c;
      List<JsonObject> messages = new ArrayList<>();
      for (int m = 0; m < MESSAGES_EACH; m++) {
        messages.add(CrispWebsite.message(session, m + 1, "text", m % 2 == 0 ? "user" : "operator",
            Json.createValue("message " + m), start.plusSeconds(c * 600L + m * 10L), m % 2 == 0 ? "Visitor" : "Crisp Ann"));
      }
      website.conversation(CrispWebsite.conversation(session, c % 4 == 0 ? "resolved" : "pending", start.plusSeconds(c * 600L),
          start.plusSeconds(c * 600L + 100), c < PEOPLE ? "crash" + c + "@example.test" : null, "Visitor " + c, List.of(), Map.of()),
          messages);
    }
    // Some 900 requests at 15 ms each: long enough to be killed in the middle.
    website.pause(15);

    String id = imports.started(website);
    JsonObject before = Eventually.await(() -> imports.get(id), now -> now.getJsonObject("progress").getInt("conversations") >= 100,
        Duration.ofSeconds(120), "a few pages of conversations stored");
    assertEquals("running", before.getString("status"), before::toString);
    int requestsBefore = website.requests().size();

    TestServer.killHard();
    TestServer.start();
    Instant ready = Instant.now();

    JsonObject done = imports.awaitStatus(id, "completed", Duration.ofSeconds(180));
    Duration after = Duration.between(ready, Instant.parse(done.getString("finished_at")));
    String org = imports.owner.organizationId();
    int contacts = PEOPLE + (CONVERSATIONS - PEOPLE);
    assertEquals(contacts, Database.count("SELECT count(*) FROM contacts WHERE organization_id = ?::uuid", org));
    assertEquals(CONVERSATIONS, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", org));
    assertEquals(CONVERSATIONS * MESSAGES_EACH, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", org));
    assertEquals(contacts, Database.count("SELECT count(*) FROM events WHERE organization_id = ?::uuid AND type = 'contact.created'", org));
    assertEquals(CONVERSATIONS / 4, Database.count("SELECT count(*) FROM conversation_resolutions WHERE organization_id = ?::uuid", org));
    JsonObject progress = done.getJsonObject("progress");
    assertEquals(contacts, progress.getInt("contacts"));
    assertEquals(CONVERSATIONS, progress.getInt("conversations"));
    assertEquals(CONVERSATIONS * MESSAGES_EACH, progress.getInt("messages"));
    assertEquals(2 + CONVERSATIONS / 50, progress.getInt("pages_done"));

    String figures = String.format("Import crash recovery: killed after %d of %d conversations stored (%d Crisp requests);"
            + " completed %.1f s after the server was ready, %d Crisp requests in all, nothing duplicated",
        before.getJsonObject("progress").getInt("conversations"), CONVERSATIONS, requestsBefore, after.toMillis() / 1000.0,
        website.requests().size());
    System.out.println(figures);
    Path report = Path.of("target", "crash-recovery.txt");
    Files.writeString(report, figures + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    assertTrue(after.compareTo(Duration.ofSeconds(120)) < 0, figures);
  }
}
