package io.convot.it.imports;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.ops.Scrape;
import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.crisp.CrispApiSimulator;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Importing a Crisp website against the simulated Crisp API: everything arrives exactly once, as
 * it was (times, authors, notes, every message type as a readable line, resolved conversations),
 * with contact.created and no other event; a rate limit pauses and resumes by itself; a re-run adds
 * only what is new; refused credentials store nothing; another organization sees nothing.
 */
class CrispImportIT {

  private static final Duration IMPORT_TIME = Duration.ofSeconds(60);

  @Test
  void importsPeopleConversationsAndMessagesExactlyAsCrispHadThem() {
    Imports imports = Imports.setUp("Crisp Co");
    String member = "Owner of Crisp Co";
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Crisp Co"), member);

    String id = imports.started(history.website);
    JsonObject done = imports.awaitStatus(id, "completed", IMPORT_TIME);

    JsonObject progress = done.getJsonObject("progress");
    assertEquals(CrispHistory.PEOPLE + history.anonymousVisitors, progress.getInt("contacts"));
    assertEquals(CrispHistory.CONVERSATIONS, progress.getInt("conversations"));
    assertEquals(history.messages, progress.getInt("messages"));
    // Two pages of people and two of conversations (50 a page); the empty pages that end each are not counted.
    assertEquals(4, progress.getInt("pages_done"));
    assertEquals(4, progress.getInt("pages_total"));
    assertNotNull(done.getString("finished_at"));
    assertTrue(done.isNull("error"));
    assertEquals("crisp", done.getString("source"));
    assertEquals(imports.appId, done.getString("app_id"));
    assertFalse(done.containsKey("key") || done.containsKey("identifier") || done.toString().contains(history.website.key()));

    String org = imports.owner.organizationId();
    assertEquals(CrispHistory.PEOPLE + history.anonymousVisitors, Database.count("SELECT count(*) FROM contacts WHERE organization_id = ?::uuid", org));
    assertEquals(CrispHistory.CONVERSATIONS, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", org));
    assertEquals(history.messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", org));
    assertEquals(history.resolved, Database.count(
        "SELECT count(*) FROM conversations WHERE organization_id = ?::uuid AND status = 'resolved'", org));
    assertEquals(history.resolved, Database.count("SELECT count(*) FROM conversation_resolutions WHERE organization_id = ?::uuid", org));
    // The credentials are deleted once the import ends.
    assertEquals(0, Database.count("SELECT count(*) FROM imports WHERE id = ?::uuid AND credentials_sealed IS NOT NULL", id));

    // History is not news: contact.created for each contact made, and no conversation or message event.
    assertEquals(CrispHistory.PEOPLE + history.anonymousVisitors, Database.count(
        "SELECT count(*) FROM events WHERE organization_id = ?::uuid AND type = 'contact.created'", org));
    assertEquals(0, Database.count("SELECT count(*) FROM events WHERE organization_id = ?::uuid AND type <> 'contact.created'", org));

    // A person: email normalized, profile, company and segments.
    JsonObject person = onlyContact(imports.api(), "person4@example.test");
    assertEquals("Person 4", person.getString("nickname"));
    assertEquals("+33612345674", person.getString("phone"));
    assertEquals(List.of("beta", "vip"), person.getJsonArray("segments").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).sorted().toList());
    assertEquals("2025-02-01T09:00:04Z", person.getString("created_at"));

    // The conversation with every type: its contact is the person with that email, its messages as Crisp had them.
    JsonObject rich = conversationOf(imports.api(), onlyContact(imports.api(), "person0@example.test").getString("id"));
    assertEquals("resolved", rich.getString("status"));
    assertEquals("2025-03-03T08:59:55Z", rich.getString("created_at"));
    List<JsonObject> messages = messages(imports.api(), rich.getString("id"));
    assertEquals(List.of(
            "visitor|false|Hello, my <b>order</b> is late|null",
            "agent|false|Looking into it|" + member,
            "agent|true|Check the warehouse|Crisp Bob",
            "visitor|false|[file] invoice.pdf|null",
            "agent|false|[animation] https://gifs.example.test/ok.gif|Crisp Bob",
            "agent|false|[picker] How did we do?: Good (chosen), Bad|Crisp Bob",
            "visitor|false|[event] Conversation resolved: state:resolved|null",
            "visitor|false|[audio] https://files.example.test/voice.webm|null",
            "agent|false|Crisp Bob here: sorted!|Crisp Bob"),
        messages.stream().map(CrispImportIT::summary).toList());
    assertEquals("2025-03-03T09:00:00Z", messages.get(0).getString("created_at"));
    // A member's reply is theirs (their id); a non-member's keeps only the name Crisp gave.
    assertEquals(imports.owner.memberId(), messages.get(1).getJsonObject("author").getString("id"));
    assertTrue(messages.get(2).getJsonObject("author").isNull("id"));

    // The conversation whose messages took three answers of Crisp's messages endpoint: all 45, in order.
    String longId = Database.single("SELECT id::text FROM conversations WHERE organization_id = ?::uuid AND source_key = ?",
        org, "crisp:" + CrispHistory.LONG).toString();
    List<JsonObject> longMessages = messages(imports.api(), longId);
    assertEquals(45, longMessages.size());
    for (int m = 0; m < 45; m++) {
      assertEquals("long message " + m, longMessages.get(m).getString("text"));
    }
    assertEquals(4, history.website.requests().stream().filter(r -> r.path().endsWith("/" + CrispHistory.LONG + "/messages")).count(),
        "45 messages, 20 an answer, then an answer with nothing older: " + history.website.requests());

    // Every conversation's facts (latest message, visitor and reply times, first reply, waiting) are
    // what the migrations compute from the messages themselves.
    assertEquals(List.of(), Database.column(FACTS_DIFFERING, org), "conversations whose facts differ from their messages'");

    // Reports count the imported conversations at their original times.
    JsonObject summary = imports.api().get("/api/v1/reports/summary?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z").json();
    assertEquals(CrispHistory.CONVERSATIONS, summary.getInt("conversations_created"), summary::toString);
    assertEquals(history.resolved, summary.getInt("conversations_resolved"), summary::toString);
    JsonObject now = imports.api().get("/api/v1/reports/summary?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plusSeconds(60)).json();
    assertEquals(0, now.getInt("conversations_created"));

    // Every request carried the plugin tier and the token pair (the simulator answers 401 otherwise).
    assertTrue(history.website.requests().stream().allMatch(r -> r.status() == 200), history.website.requests()::toString);
  }

  @Test
  void aRateLimitPausesTheImportUntilRetryAfterThenItResumesByItselfFetchingNoStoredPageAgain() {
    Imports imports = Imports.setUp("Rate limited");
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Rate limited"), "Owner of Rate limited");
    // Request 1 checks the token; 2-4 read people (two pages, then an empty one); 5 is the first page of
    // conversations; 6 on are the first conversations' messages, read four at a time.
    history.website.rateLimit(7, 4);

    String id = imports.started(history.website);
    JsonObject paused = imports.awaitStatus(id, "paused", IMPORT_TIME);
    Instant seen = Instant.now();
    Instant resumesAt = Instant.parse(paused.getString("resumes_at"));
    assertTrue(resumesAt.isAfter(seen.plusSeconds(1)) && resumesAt.isBefore(seen.plusSeconds(5)),
        "resumes at Retry-After (4 s) from the 429: " + paused + " seen at " + seen);
    assertEquals(CrispHistory.PEOPLE, paused.getJsonObject("progress").getInt("contacts"));

    JsonObject done = imports.awaitStatus(id, "completed", IMPORT_TIME);
    assertTrue(done.isNull("resumes_at"));
    assertEquals(history.messages, done.getJsonObject("progress").getInt("messages"));
    assertEquals(history.messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", imports.owner.organizationId()));
    List<CrispWebsite.Request> requests = history.website.requests();
    CrispWebsite.Request limited = requests.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    // The step's other reads (four at a time) stop as soon as it hears of the 429; nothing more is asked of
    // Crisp until the pause ends.
    List<CrispWebsite.Request> duringPause = requests.stream()
        .filter(r -> r.at().isAfter(limited.answered().plusMillis(300)) && r.at().isBefore(resumesAt.minusMillis(200))).toList();
    assertEquals(List.of(), duringPause, "asked of Crisp during the pause (429 answered at " + limited.answered()
        + ", resumes at " + resumesAt + ")");
    assertTrue(requests.stream().anyMatch(r -> !r.at().isBefore(resumesAt.minusMillis(200))), "it asked again after the pause");
    // Pages stored before the pause were not fetched again: each people page once.
    Map<String, Long> peoplePages = requests.stream().filter(r -> r.path().contains("/people/profiles/"))
        .collect(Collectors.groupingBy(CrispWebsite.Request::path, Collectors.counting()));
    assertEquals(Map.of(peoplePath(history, 1), 1L, peoplePath(history, 2), 1L, peoplePath(history, 3), 1L), peoplePages);
  }

  @Test
  void aRateLimitMetWhileTheNextPageIsReadAheadPausesTheImportAndNothingStoredIsReadAgain() {
    Imports imports = Imports.setUp("Limited ahead");
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Limited ahead"), "Owner of Limited ahead");
    // The second page of conversations is read while the first is stored: Crisp rate-limits that read.
    String secondPage = "/conversations/2";
    history.website.rateLimitFirst(secondPage, 3);

    String id = imports.started(history.website);
    JsonObject paused = imports.awaitStatus(id, "paused", IMPORT_TIME);
    Instant resumesAt = Instant.parse(paused.getString("resumes_at"));
    assertEquals(50, paused.getJsonObject("progress").getInt("conversations"), "the first page was stored: " + paused);

    JsonObject done = imports.awaitStatus(id, "completed", IMPORT_TIME);
    assertEquals(history.messages, done.getJsonObject("progress").getInt("messages"));
    assertEquals(history.messages, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", imports.owner.organizationId()));
    assertEquals(CrispHistory.CONVERSATIONS, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid",
        imports.owner.organizationId()));
    List<CrispWebsite.Request> requests = history.website.requests();
    String pages = "/v1/website/" + history.website.id() + "/conversations/";
    Map<String, List<Integer>> conversationPages = requests.stream().filter(r -> r.path().startsWith(pages))
        .collect(Collectors.groupingBy(CrispWebsite.Request::path, java.util.TreeMap::new,
            Collectors.mapping(CrispWebsite.Request::status, Collectors.toList())));
    assertEquals(Map.of(pages + "1", List.of(200), pages + "2", List.of(429, 200), pages + "3", List.of(200)), conversationPages,
        "page 1 read once, page 2 limited then read after the pause, the empty page 3 once");
    CrispWebsite.Request second = requests.stream().filter(r -> r.path().equals(pages + "2") && r.status() == 200).findFirst().orElseThrow();
    assertFalse(second.at().isBefore(resumesAt.minusMillis(200)), "page 2 was read again only after the pause: " + second + ", " + resumesAt);
    // Each conversation's messages were read once: none of the stored first page again.
    Map<String, Long> messageReads = requests.stream().filter(r -> r.path().endsWith("/messages"))
        .collect(Collectors.groupingBy(r -> r.path() + "?" + r.query(), Collectors.counting()));
    assertEquals(Map.of(), messageReads.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "messages read more than once");
  }

  @Test
  void a420AndRateLimitsWithoutRetryAfterPauseForTheConfiguredTimeDoubling() {
    Imports imports = Imports.setUp("Quota");
    CrispWebsite website = CrispApiSimulator.get().website("Quota");
    CrispHistory history = CrispHistory.of(website, "Owner of Quota");
    website.fail(3, CrispWebsite.Fault.RATE_LIMITED_420).fail(4, CrispWebsite.Fault.RATE_LIMITED);

    String id = imports.started(website);
    JsonObject first = imports.awaitStatus(id, "paused", IMPORT_TIME);
    Instant firstResume = Instant.parse(first.getString("resumes_at"));
    JsonObject second = Eventually.await(() -> imports.get(id), now -> "paused".equals(now.getString("status"))
        && !Instant.parse(now.getString("resumes_at")).equals(firstResume), IMPORT_TIME, "the second pause");
    List<CrispWebsite.Request> requests = website.requests();
    Duration firstPause = Duration.between(requests.get(2).at(), firstResume);
    Duration secondPause = Duration.between(requests.get(3).at(), Instant.parse(second.getString("resumes_at")));
    // The test server pauses 2 s without Retry-After, then 4 s while the limit lasts.
    assertTrue(firstPause.compareTo(Duration.ofMillis(1500)) > 0 && firstPause.compareTo(Duration.ofMillis(2600)) < 0, firstPause::toString);
    assertTrue(secondPause.compareTo(Duration.ofMillis(3500)) > 0 && secondPause.compareTo(Duration.ofMillis(4600)) < 0, secondPause::toString);
    JsonObject done = imports.awaitStatus(id, "completed", IMPORT_TIME);
    assertEquals(history.messages, done.getJsonObject("progress").getInt("messages"));
  }

  @Test
  void serverErrorsAreRetriedAndTwelveFailedAttemptsInARowFailTheImport() {
    Imports imports = Imports.setUp("Crisp down");
    CrispWebsite website = CrispApiSimulator.get().website("Crisp down");
    CrispHistory history = CrispHistory.of(website, "Owner of Crisp down");
    // A blip (two 503s) is retried by Fault Tolerance within the step; then Crisp stays down.
    // Request 1 checks the token; 2 and 3 (the first page of people) fail, its third attempt succeeds.
    website.fail(2, CrispWebsite.Fault.SERVER_ERROR).fail(3, CrispWebsite.Fault.SERVER_ERROR);
    for (int request = 5; request < 40; request++) {
      website.fail(request, CrispWebsite.Fault.SERVER_ERROR);
    }

    double failedBefore = imported("failed");
    String id = imports.started(website);
    JsonObject failed = imports.awaitStatus(id, "failed", IMPORT_TIME);

    assertEquals("retries exhausted: Crisp answered 503", failed.getString("error"));
    assertEquals(failedBefore + 1, imported("failed"), "the failed import counted once by outcome in /metrics");
    assertEquals(50, failed.getJsonObject("progress").getInt("contacts"), "the first page, stored after the blip");
    assertEquals(14, website.requests().stream().filter(r -> r.status() == 503).count(), "2 in the blip, then 12 in a row");
    assertNull(Database.single("SELECT credentials_sealed FROM imports WHERE id = ?::uuid", id));
    assertTrue(history.messages > 0);
  }

  @Test
  void aReRunCreatesNothingAlreadyImportedAndAddsWhatIsNew() {
    Imports imports = Imports.setUp("Re-run");
    CrispHistory history = CrispHistory.of(CrispApiSimulator.get().website("Re-run"), "Owner of Re-run");
    imports.awaitStatus(imports.started(history.website), "completed", IMPORT_TIME);
    String org = imports.owner.organizationId();

    history.website.addMessage("session_5", CrispWebsite.message("session_5", 999_001, "text", "user",
        CrispWebsite.text("one more thing"), CrispHistory.START.plus(Duration.ofDays(40)), "Person 5"));
    history.website.conversation(CrispWebsite.conversation("session_new", "pending", CrispHistory.START.plus(Duration.ofDays(41)),
        CrispHistory.START.plus(Duration.ofDays(41)), "person7@example.test", "Person 7", List.of(), Map.of()),
        List.of(CrispWebsite.message("session_new", 999_002, "text", "user", CrispWebsite.text("new here"),
            CrispHistory.START.plus(Duration.ofDays(41)), "Person 7")));

    JsonObject again = imports.awaitStatus(imports.started(history.website), "completed", IMPORT_TIME);

    JsonObject progress = again.getJsonObject("progress");
    assertEquals(0, progress.getInt("contacts"));
    assertEquals(1, progress.getInt("conversations"));
    assertEquals(2, progress.getInt("messages"));
    assertEquals(CrispHistory.PEOPLE + history.anonymousVisitors, Database.count("SELECT count(*) FROM contacts WHERE organization_id = ?::uuid", org));
    assertEquals(CrispHistory.CONVERSATIONS + 1, Database.count("SELECT count(*) FROM conversations WHERE organization_id = ?::uuid", org));
    assertEquals(history.messages + 2, Database.count("SELECT count(*) FROM messages WHERE organization_id = ?::uuid", org));
    assertEquals(0, Database.count("""
        SELECT count(*) FROM (SELECT conversation_id, source_key FROM messages WHERE organization_id = ?::uuid
                              GROUP BY 1, 2 HAVING count(*) > 1) duplicates""", org));
    // The conversation that got a message now ends with it, and still waits for an answer since the
    // visitor's message that no reply followed (09:09, before the new one).
    JsonObject five = imports.api().get("/api/v1/conversations/" + Database.single(
        "SELECT id::text FROM conversations WHERE organization_id = ?::uuid AND source_key = 'crisp:session_5'", org)).json();
    assertEquals("one more thing", five.getJsonObject("last_message").getString("text"));
    assertEquals(CrispHistory.START.plus(Duration.ofDays(40)).toString(), five.getString("last_activity_at"));
    assertEquals("2025-03-08T09:09:00Z", five.getString("waiting_since"));
    assertEquals(List.of(), Database.column(FACTS_DIFFERING, org), "conversations whose facts differ from their messages'");
    assertEquals(2, imports.api().get("/api/v1/imports?app_id=" + imports.appId).json().getJsonArray("data").size());
  }

  @Test
  void credentialsCrispRefusesAreA422AndNothingIsStored() {
    Imports imports = Imports.setUp("Refused");
    CrispWebsite website = CrispApiSimulator.get().website("Refused");

    JsonObject problem = assertProblem(imports.start(website.id(), website.identifier(), "not-the-key"), 422, "token_invalid");
    assertTrue(problem.getString("detail").contains("invalid_session"), problem::toString);
    assertProblem(imports.start("no-such-website", website.identifier(), website.key()), 422, "token_invalid");
    assertEquals(0, Database.count("SELECT count(*) FROM imports WHERE organization_id = ?::uuid", imports.owner.organizationId()));
    assertEquals(0, imports.api().get("/api/v1/imports").json().getJsonArray("data").size());
  }

  @Test
  void badBodiesAreValidationErrorsAndOnlyManagersImport() {
    Imports imports = Imports.setUp("Bad bodies");
    CrispWebsite website = CrispApiSimulator.get().website("Bad bodies");
    String valid = "\"app_id\": \"%s\", \"website_id\": \"%s\", \"identifier\": \"%s\", \"key\": \"%s\""
        .formatted(imports.appId, website.id(), website.identifier(), website.key());

    assertValidationError(imports.api().post("/api/v1/imports", "{" + valid + "}"), "source");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"intercom\", " + valid + "}"), "source");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"crisp\"}"), "app_id");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"crisp\", " + valid.replace(website.id(), "a/b") + "}"), "website_id");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"crisp\", " + valid.replace(website.key(), " ") + "}"), "key");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"crisp\", " + valid + ", \"since\": 1}"), "since");
    Organizations.Owner other = Organizations.signUp("Other app owner");
    String foreignApp = Organizations.createApp(other.api(), "Theirs").getString("id");
    assertValidationError(imports.api().post("/api/v1/imports", "{\"source\": \"crisp\", " + valid.replace(imports.appId, foreignApp) + "}"), "app_id");

    Team.Joined agent = Team.join(imports.owner, "agent");
    assertProblem(agent.api().post("/api/v1/imports", "{\"source\": \"crisp\", " + valid + "}"), 403, "insufficient_role");
    assertProblem(agent.api().get("/api/v1/imports"), 403, "insufficient_role");
    assertEquals(0, website.requests().size(), "nothing reached Crisp");
    assertEquals(0, Database.count("SELECT count(*) FROM imports WHERE organization_id = ?::uuid", imports.owner.organizationId()));
  }

  @Test
  void oneImportOfAWebsiteIntoAnAppAtATimeAndCancellingEndsItKeepingWhatItStored() {
    Imports imports = Imports.setUp("One at a time");
    CrispWebsite website = CrispApiSimulator.get().website("One at a time");
    CrispHistory.of(website, "Owner of One at a time");
    website.pause(300);

    String id = imports.started(website);
    assertProblem(imports.start(website), 409, "conflict");
    String sealed = Database.single("SELECT credentials_sealed FROM imports WHERE id = ?::uuid", id).toString();
    assertTrue(sealed.startsWith("v1:") && !sealed.contains(website.key()) && !sealed.contains(website.identifier()), sealed);

    double cancelledBefore = imported("cancelled");
    JsonObject cancelled = imports.api().post("/api/v1/imports/" + id + "/cancel", "").json();
    assertEquals("failed", cancelled.getString("status"));
    assertEquals(cancelledBefore + 1, imported("cancelled"), "the cancel counted in /metrics");
    assertEquals("Cancelled by Owner of One at a time", cancelled.getString("error"));
    assertNull(Database.single("SELECT credentials_sealed FROM imports WHERE id = ?::uuid", id));
    assertProblem(imports.api().post("/api/v1/imports/" + id + "/cancel", ""), 409, "conflict");

    // Cancelling waited for the step in flight: Crisp hears nothing more of this import (3 s, some ten steps' worth).
    int requestsThen = website.requests().size();
    long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < quietUntil) {
      assertEquals(requestsThen, website.requests().size(), "a request after the cancel: " + website.requests());
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertEquals("failed", imports.get(id).getString("status"));

    // What it stored stays, and the next import of the website runs.
    website.pause(0);
    double succeededBefore = imported("succeeded");
    imports.awaitStatus(imports.started(website), "completed", IMPORT_TIME);
    assertEquals(succeededBefore + 1, imported("succeeded"), "the completed import counted in /metrics");
  }

  /** Imports ended with {@code outcome}, as a scrape of /metrics counts them. */
  private static double imported(String outcome) {
    return Scrape.take().counter("convot_imports_total", labels -> outcome.equals(labels.get("outcome")));
  }

  @Test
  void anotherOrganizationsImportIsA404() {
    Imports imports = Imports.setUp("Owner org");
    CrispWebsite website = CrispApiSimulator.get().website("Owner org");
    CrispHistory.of(website, "Owner of Owner org");
    String id = imports.started(website);
    Organizations.Owner other = Organizations.signUp("Prying org");

    assertProblem(other.api().get("/api/v1/imports/" + id), 404, "not_found");
    assertProblem(other.api().post("/api/v1/imports/" + id + "/cancel", ""), 404, "not_found");
    assertProblem(other.api().get("/api/v1/imports/" + UUID.randomUUID()), 404, "not_found");
    assertEquals(0, other.api().get("/api/v1/imports").json().getJsonArray("data").size());
    assertEquals(0, other.api().get("/api/v1/imports?app_id=" + imports.appId).json().getJsonArray("data").size());
    imports.awaitStatus(id, "completed", IMPORT_TIME);
  }

  /** The organization's conversations whose stored facts differ from those computed from their messages (as V11 and V15 do). */
  private static final String FACTS_DIFFERING = """
      WITH m AS (SELECT * FROM messages WHERE organization_id = ?::uuid),
      latest AS (SELECT DISTINCT ON (conversation_id) conversation_id, id, created_at FROM m
                 ORDER BY conversation_id, created_at DESC, id DESC),
      facts AS (SELECT conversation_id,
                  max(created_at) FILTER (WHERE author_type = 'visitor' AND deleted_at IS NULL) AS last_visitor,
                  min(created_at) FILTER (WHERE author_type = 'visitor') AS first_visitor,
                  max(created_at) FILTER (WHERE author_type = 'agent' AND NOT private AND deleted_at IS NULL) AS last_reply
                FROM m GROUP BY conversation_id),
      first_reply AS (SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.created_at, m.member_id
                      FROM m JOIN facts f USING (conversation_id)
                      WHERE m.author_type = 'agent' AND NOT m.private AND m.created_at >= f.first_visitor
                      ORDER BY m.conversation_id, m.created_at, m.id),
      waiting AS (SELECT m.conversation_id, min(m.created_at) AS since FROM m JOIN facts f USING (conversation_id)
                  WHERE m.author_type = 'visitor' AND m.deleted_at IS NULL AND m.created_at > coalesce(f.last_reply, '-infinity')
                  GROUP BY m.conversation_id)
      SELECT c.source_key FROM conversations c
      JOIN latest l ON l.conversation_id = c.id JOIN facts f ON f.conversation_id = c.id
      LEFT JOIN first_reply r ON r.conversation_id = c.id LEFT JOIN waiting w ON w.conversation_id = c.id
      WHERE c.last_message_id IS DISTINCT FROM l.id OR c.last_message_at IS DISTINCT FROM l.created_at
         OR c.last_activity_at IS DISTINCT FROM l.created_at OR c.last_visitor_message_at IS DISTINCT FROM f.last_visitor
         OR c.first_visitor_message_at IS DISTINCT FROM f.first_visitor OR c.waiting_since IS DISTINCT FROM w.since
         OR c.first_reply_at IS DISTINCT FROM r.created_at OR c.first_responder_id IS DISTINCT FROM r.member_id
      ORDER BY c.source_key""";

  private static String peoplePath(CrispHistory history, int page) {
    return "/v1/website/" + history.website.id() + "/people/profiles/" + page;
  }

  private static String summary(JsonObject message) {
    JsonValue author = message.get("author");
    String name = author instanceof JsonObject object ? object.getString("name") : "null";
    return message.getString("from") + "|" + message.getBoolean("private") + "|" + message.getString("text") + "|" + name;
  }

  private static JsonObject onlyContact(Api api, String email) {
    JsonArray found = api.get("/api/v1/contacts?email=" + email).json().getJsonArray("data");
    assertEquals(1, found.size(), () -> "one contact with " + email + ": " + found);
    return found.getJsonObject(0);
  }

  private static JsonObject conversationOf(Api api, String contactId) {
    JsonArray found = api.get("/api/v1/conversations?contact_id=" + contactId).json().getJsonArray("data");
    assertEquals(1, found.size(), found::toString);
    return found.getJsonObject(0);
  }

  private static List<JsonObject> messages(Api api, String conversationId) {
    return api.get("/api/v1/conversations/" + conversationId + "/messages?limit=200").json().getJsonArray("data")
        .getValuesAs(JsonObject.class);
  }
}
