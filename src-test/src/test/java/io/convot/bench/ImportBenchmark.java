package io.convot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.crisp.CrispApiSimulator;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How fast an import from Crisp stores history: {@value #CONVERSATIONS} conversations of
 * {@value #MESSAGES_EACH} messages each (and {@value #PEOPLE} people) from the simulated Crisp API,
 * start to completed; printed and written to {@code target/benchmark/import.txt}. Run with
 * {@code mvn verify -Pbenchmark}.
 */
class ImportBenchmark {

  private static final int PEOPLE = 1_000;
  private static final int CONVERSATIONS = 5_000;
  private static final int MESSAGES_EACH = 20;

  @Test
  void importFiveThousandConversationsOfTwentyMessages() throws IOException {
    Organizations.Owner owner = Organizations.signUp("Import benchmark");
    String appId = Organizations.createApp(owner.api(), "Benchmark app").getString("id");
    CrispWebsite website = CrispApiSimulator.get().website("Import benchmark");
    load(website);

    Instant asked = Instant.now();
    Api.Reply started = owner.api().post("/api/v1/imports", Json.createObjectBuilder().add("source", "crisp").add("app_id", appId)
        .add("website_id", website.id()).add("identifier", website.identifier()).add("key", website.key()).build().toString());
    assertEquals(202, started.status(), started::toString);
    String id = started.json().getString("id");
    JsonObject done = Eventually.await(() -> owner.api().get("/api/v1/imports/" + id).json(),
        now -> !"queued".equals(now.getString("status")) && !"running".equals(now.getString("status")),
        Duration.ofMinutes(20), "the import ends");
    assertEquals("completed", done.getString("status"), done::toString);
    Instant finished = Instant.parse(done.getString("finished_at"));
    Duration total = Duration.between(asked, finished);
    List<CrispWebsite.Request> requests = website.requests();
    Instant firstConversations = requests.stream().filter(r -> r.path().contains("/conversations/")).findFirst().orElseThrow().at();
    Duration conversationsPhase = Duration.between(firstConversations, finished);

    String organization = owner.organizationId();
    int messages = CONVERSATIONS * MESSAGES_EACH;
    assertEquals(messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", organization));
    assertEquals(CONVERSATIONS, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", organization));
    assertEquals(messages, done.getJsonObject("progress").getInt("messages"));

    String report = String.format(java.util.Locale.ROOT, """
        Import benchmark (%s, %d cores, load average %.2f)
        people: %d, conversations: %d, messages: %d (%d each), from the simulated Crisp API on this machine
        start (202) to completed:        %d ms
        conversations and messages phase: %d ms
        messages stored per second:       %.0f over the whole import, %.0f in the conversations phase
        Crisp requests:                   %d (%d pages stored)
        """, Instant.now(), Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        PEOPLE, CONVERSATIONS, messages, MESSAGES_EACH, total.toMillis(), conversationsPhase.toMillis(),
        messages * 1000.0 / total.toMillis(), messages * 1000.0 / conversationsPhase.toMillis(),
        requests.size(), done.getJsonObject("progress").getInt("pages_done"));
    System.out.println(report);
    Path out = Path.of("target/benchmark/import.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static void load(CrispWebsite website) {
    Instant start = Instant.now().minus(Duration.ofDays(365));
    for (int p = 0; p < PEOPLE; p++) {
      website.person(CrispWebsite.person("bench-" + p, "bench" + p + "@example.test", "Bench " + p, null, null, List.of(), start));
    }
    for (int c = 0; c < CONVERSATIONS; c++) {
      String session = "session_bench_" + c;
      Instant at = start.plusSeconds(c * 3_000L);
      List<JsonObject> messages = new ArrayList<>();
      for (int m = 0; m < MESSAGES_EACH; m++) {
        messages.add(CrispWebsite.message(session, m + 1, m % 5 == 4 ? "note" : "text", m % 2 == 0 ? "user" : "operator",
            Json.createValue("Message " + m + " of conversation " + c + ": some words a customer or an agent would write."),
            at.plusSeconds(m * 45L), m % 2 == 0 ? "Bench " + c : "Crisp Agent"));
      }
      website.conversation(CrispWebsite.conversation(session, c % 3 == 0 ? "pending" : "resolved", at, at.plusSeconds(1_000),
          "bench" + c + "@example.test", "Bench " + c, List.of(), Map.of()), messages);
    }
  }
}
