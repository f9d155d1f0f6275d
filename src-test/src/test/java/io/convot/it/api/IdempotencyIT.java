package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on POST: a retry gets the first response and creates nothing; keys belong to one
 * caller of one organization; a key never serves two different requests; only successes are kept.
 */
class IdempotencyIT {

  private static final String KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";

  /** On a busy machine the application may still be starting when the server says it is up. */
  @BeforeAll
  static void waitUntilReady() {
    Eventually.await(IdempotencyIT::ready, ready -> ready, Duration.ofMinutes(3), "the test server being ready");
  }

  private static boolean ready() {
    try {
      return Api.anonymous().get("/health/ready").status() == 200;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  private static long apps(Owner owner) {
    return Database.count("SELECT count(*) FROM apps WHERE organization_id = ?::uuid", owner.organizationId());
  }

  private static long apps(Owner owner, String name) {
    return Database.count("SELECT count(*) FROM apps WHERE organization_id = ?::uuid AND name = ?",
        owner.organizationId(), name);
  }

  @Test
  void retriedPostReturnsTheFirstResponseWithTheSameIdAndCreatesNothing() {
    Owner owner = Organizations.signUp("Idempotent retry");
    Api api = owner.api().header(KEY, newKey());

    Api.Reply first = api.post("/api/v1/apps", "{\"name\": \"Retried\"}");
    Api.Reply retry = api.post("/api/v1/apps", "{\"name\": \"Retried\"}");

    assertEquals(201, first.status(), first::toString);
    assertNull(first.header(REPLAYED), "the first response is no replay");
    assertEquals(201, retry.status(), retry::toString);
    assertEquals("true", retry.header(REPLAYED));
    assertEquals(first.body(), retry.body(), "the replay is the first body, byte for byte");
    assertEquals(first.string("id"), retry.string("id"));
    assertNotNull(first.header("Location"));
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(first.contentType(), retry.contentType());
    assertEquals(1, apps(owner));
  }

  @Test
  void twentyConcurrentPostsWithOneKeyCreateOneObject() throws Exception {
    Owner owner = Organizations.signUp("Idempotent crowd");
    Api api = owner.api().header(KEY, newKey());
    int clients = 20;
    CyclicBarrier start = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Api.Reply>> sent = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      sent.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return api.post("/api/v1/apps", "{\"name\": \"Crowded\"}");
      }));
    }
    List<Api.Reply> replies = new ArrayList<>();
    for (Future<Api.Reply> reply : sent) {
      replies.add(reply.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    List<Api.Reply> originals = replies.stream().filter(r -> r.status() == 201 && r.header(REPLAYED) == null).toList();
    assertEquals(1, originals.size(), () -> "not exactly one original: " + replies);
    String id = originals.get(0).string("id");
    int replayed = 0;
    int inUse = 0;
    for (Api.Reply reply : replies) {
      if (reply == originals.get(0)) {
        continue;
      }
      if (reply.status() == 201) {
        assertEquals("true", reply.header(REPLAYED), reply::toString);
        assertEquals(originals.get(0).body(), reply.body());
        replayed++;
      } else {
        assertProblem(reply, 409, "idempotency_key_in_use");
        assertEquals("1", reply.header("Retry-After"), reply::toString);
        inUse++;
      }
    }
    assertEquals(clients - 1, replayed + inUse);
    System.out.println("[idempotency] 20 concurrent POSTs: 1 ran, " + replayed + " replayed, " + inUse + " told to retry");
    assertEquals(1, apps(owner), "one app, whatever the interleaving");
    assertEquals(id, Database.single("SELECT id::text FROM apps WHERE organization_id = ?::uuid", owner.organizationId()));

    Api.Reply later = api.post("/api/v1/apps", "{\"name\": \"Crowded\"}");
    assertEquals(201, later.status(), later::toString);
    assertEquals("true", later.header(REPLAYED));
    assertEquals(id, later.string("id"));
  }

  @Test
  void sameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
    Owner owner = Organizations.signUp("Idempotent body");
    Api api = owner.api().header(KEY, newKey());
    assertEquals(201, api.post("/api/v1/apps", "{\"name\": \"First body\"}").status());

    Api.Reply other = api.post("/api/v1/apps", "{\"name\": \"Second body\"}");
    Api.Reply reformatted = api.post("/api/v1/apps", "{\"name\":\"First body\"}");

    assertProblem(other, 422, "idempotency_key_reused");
    assertTrue(other.string("detail").contains("POST /api/v1/apps"), other::toString);
    assertProblem(reformatted, 422, "idempotency_key_reused");
    assertEquals(0, apps(owner, "Second body"));
    assertEquals(1, apps(owner));
  }

  @Test
  void sameKeyOnAnotherPathIsRefused() {
    Owner owner = Organizations.signUp("Idempotent path");
    Api api = owner.api().header(KEY, newKey());
    assertEquals(201, api.post("/api/v1/apps", "{\"name\": \"Same\"}").status());

    Api.Reply other = api.post("/api/v1/api-keys", "{\"name\": \"Same\"}");

    assertProblem(other, 422, "idempotency_key_reused");
    assertEquals(0, Database.count("SELECT count(*) FROM api_keys WHERE organization_id = ?::uuid", owner.organizationId()));
  }

  @Test
  void anotherOrganizationUsingTheSameKeyIsIndependent() {
    String key = newKey();
    Owner first = Organizations.signUp("Idempotent first org");
    Owner second = Organizations.signUp("Idempotent second org");
    Api.Reply mine = first.api().header(KEY, key).post("/api/v1/apps", "{\"name\": \"Shared key\"}");

    Api.Reply theirs = second.api().header(KEY, key).post("/api/v1/apps", "{\"name\": \"Shared key\"}");
    Api.Reply theirsAgain = second.api().header(KEY, key).post("/api/v1/apps", "{\"name\": \"Shared key\"}");

    assertEquals(201, theirs.status(), theirs::toString);
    assertNull(theirs.header(REPLAYED), "another organization's key replayed");
    assertNotEquals(mine.string("id"), theirs.string("id"));
    assertEquals(theirs.string("id"), theirsAgain.string("id"));
    assertEquals(1, apps(first));
    assertEquals(1, apps(second));
    assertEquals(404, second.api().get("/api/v1/apps/" + mine.string("id")).status());
  }

  @Test
  void eachTokenAndApiKeyOfOneOrganizationHasKeysOfItsOwn() {
    Owner owner = Organizations.signUp("Idempotent credentials");
    Api.Reply created = owner.api().post("/api/v1/api-keys", "{\"name\": \"Integration\"}");
    Api integration = Api.withToken(created.string("key"));
    String key = newKey();

    Api.Reply byMember = owner.api().header(KEY, key).post("/api/v1/apps", "{\"name\": \"Per caller\"}");
    Api.Reply byIntegration = integration.header(KEY, key).post("/api/v1/apps", "{\"name\": \"Per caller\"}");
    Api.Reply byIntegrationAgain = integration.header(KEY, key).post("/api/v1/apps", "{\"name\": \"Per caller\"}");
    Api.Reply byMemberOnAnotherToken = Api.withToken(logIn(owner)).header(KEY, key)
        .post("/api/v1/apps", "{\"name\": \"Per caller\"}");

    assertEquals(201, byIntegration.status(), byIntegration::toString);
    assertNull(byIntegration.header(REPLAYED));
    assertNotEquals(byMember.string("id"), byIntegration.string("id"));
    assertEquals("true", byIntegrationAgain.header(REPLAYED));
    assertEquals(byIntegration.string("id"), byIntegrationAgain.string("id"));
    assertEquals(201, byMemberOnAnotherToken.status(), byMemberOnAnotherToken::toString);
    assertNull(byMemberOnAnotherToken.header(REPLAYED));
    assertEquals(3, apps(owner));
  }

  @Test
  void signingOutASecondTokenUnderTheFirstOnesKeyReallySignsItOut() {
    Owner owner = Organizations.signUp("Idempotent sign-out");
    Api second = Api.withToken(logIn(owner));
    String key = newKey();

    Api.Reply first = owner.api().header(KEY, key).post("/api/v1/auth/logout", null);
    Api.Reply other = second.header(KEY, key).post("/api/v1/auth/logout", null);

    assertEquals(204, first.status(), first::toString);
    assertEquals(204, other.status(), other::toString);
    assertNull(other.header(REPLAYED), "the second sign-out was a replay of the first");
    assertEquals(401, owner.api().get("/api/v1/me").status());
    assertEquals(401, second.get("/api/v1/me").status(), "the second token still works");
    assertEquals(List.of(204, 204), Database.column("SELECT response_status FROM idempotency_keys"
        + " WHERE organization_id = ?::uuid ORDER BY created_at", owner.organizationId()),
        "a response without a body is kept too");
  }

  private static String logIn(Owner owner) {
    Api.Reply reply = Api.anonymous().post("/api/v1/auth/login",
        "{\"email\": \"" + owner.email() + "\", \"password\": \"" + Organizations.PASSWORD + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.string("token");
  }

  @Test
  void expiredKeyRunsTheRequestAgain() {
    Owner owner = Organizations.signUp("Idempotent expiry");
    Api api = owner.api().header(KEY, newKey());
    Api.Reply first = api.post("/api/v1/apps", "{\"name\": \"Yesterday\"}");
    int aged = Database.update("UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'"
        + " WHERE organization_id = ?::uuid", owner.organizationId());
    assertEquals(1, aged);

    Api.Reply again = api.post("/api/v1/apps", "{\"name\": \"Yesterday\"}");
    Api.Reply retry = api.post("/api/v1/apps", "{\"name\": \"Yesterday\"}");

    assertEquals(201, again.status(), again::toString);
    assertNull(again.header(REPLAYED));
    assertNotEquals(first.string("id"), again.string("id"));
    assertEquals("true", retry.header(REPLAYED), "the key counts again from its new first use");
    assertEquals(again.string("id"), retry.string("id"));
    assertEquals(2, apps(owner));
  }

  @Test
  void databaseShowsTheApplicationOnlyItsOwnOrganizationsKeys() throws Exception {
    Owner mine = Organizations.signUp("Idempotent rows mine");
    Owner theirs = Organizations.signUp("Idempotent rows theirs");
    assertEquals(201, mine.api().header(KEY, newKey()).post("/api/v1/apps", "{\"name\": \"Mine\"}").status());
    assertEquals(201, theirs.api().header(KEY, newKey()).post("/api/v1/apps", "{\"name\": \"Theirs\"}").status());

    try (Connection connection = DriverManager.getConnection(Database.URL, "postgres", "")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL ROLE convot_app");
        statement.execute("SELECT set_config('convot.organization_id', '" + mine.organizationId() + "', true)");
        try (ResultSet rows = statement.executeQuery("SELECT organization_id::text FROM idempotency_keys")) {
          List<String> seen = new ArrayList<>();
          while (rows.next()) {
            seen.add(rows.getString(1));
          }
          assertEquals(List.of(mine.organizationId()), seen, "the application role sees another organization's keys");
        }
        assertEquals(0, statement.executeUpdate("UPDATE idempotency_keys SET response_status = 200 WHERE organization_id = '"
            + theirs.organizationId() + "'"));
      } finally {
        connection.rollback();
      }
    }
  }

  @Test
  void cleanUpDeletesExpiredKeysOnly() throws Exception {
    Owner owner = Organizations.signUp("Idempotent clean-up");
    String old = newKey();
    String recent = newKey();
    assertEquals(201, owner.api().header(KEY, old).post("/api/v1/apps", "{\"name\": \"Old\"}").status());
    assertEquals(201, owner.api().header(KEY, recent).post("/api/v1/apps", "{\"name\": \"Recent\"}").status());
    Database.update("UPDATE idempotency_keys SET created_at = created_at - interval '25 hours' WHERE idempotency_key = ?", old);

    // What the hourly clean-up runs, as the application role (the function crosses organizations itself).
    try (Connection connection = DriverManager.getConnection(Database.URL, "postgres", "");
         Statement statement = connection.createStatement()) {
      statement.execute("SET ROLE convot_app");
      try (ResultSet deleted = statement.executeQuery(
          "SELECT convot_prune_idempotency_keys(now() - interval '24 hours', 10000)")) {
        deleted.next();
        assertTrue(deleted.getInt(1) >= 1, "nothing deleted");
      }
    }

    List<Object> left = Database.column("SELECT idempotency_key FROM idempotency_keys WHERE organization_id = ?::uuid",
        owner.organizationId());
    assertEquals(List.of(recent), left);
  }

  @Test
  void refusedRequestKeepsNothingSoACorrectedOneRunsUnderTheSameKey() {
    Owner owner = Organizations.signUp("Idempotent refusal");
    Api api = owner.api().header(KEY, newKey());

    Api.Reply refused = api.post("/api/v1/apps", "{\"name\": \"\"}");
    Api.Reply refusedAgain = api.post("/api/v1/apps", "{\"name\": \"\"}");
    Api.Reply corrected = api.post("/api/v1/apps", "{\"name\": \"Corrected\"}");
    Api.Reply retried = api.post("/api/v1/apps", "{\"name\": \"Corrected\"}");

    assertProblem(refused, 422, "validation_failed");
    assertProblem(refusedAgain, 422, "validation_failed");
    assertNull(refusedAgain.header(REPLAYED), "a refusal is not replayed: it runs again");
    assertEquals(201, corrected.status(), corrected::toString);
    assertNull(corrected.header(REPLAYED));
    assertEquals("true", retried.header(REPLAYED));
    assertEquals(corrected.string("id"), retried.string("id"));
    assertEquals(1, apps(owner));
  }

  @Test
  void failuresOnOurSideAreNotKeptAndTheRetryRuns() {
    Owner owner = Organizations.signUp("Idempotent failure");
    // The database refuses these two apps: one as a fault (a 500), one as a database shutting down (a 503 to retry).
    String trigger = "idempotency_fail_" + owner.organizationId().replace("-", "");
    Database.update("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + "IF NEW.name = 'Broken' THEN RAISE EXCEPTION 'refused by test'; END IF; "
        + "RAISE EXCEPTION 'shutting down for test' USING ERRCODE = '57P01'; END $$");
    Database.update("CREATE TRIGGER " + trigger + " BEFORE INSERT ON apps FOR EACH ROW WHEN (NEW.organization_id = '"
        + owner.organizationId() + "') EXECUTE FUNCTION " + trigger + "()");
    Api broken = owner.api().header(KEY, newKey());
    Api unavailable = owner.api().header(KEY, newKey());
    Api.Reply failed;
    Api.Reply refused;
    try {
      failed = broken.post("/api/v1/apps", "{\"name\": \"Broken\"}");
      refused = unavailable.post("/api/v1/apps", "{\"name\": \"Unavailable\"}");
    } finally {
      Database.update("DROP TRIGGER " + trigger + " ON apps");
      Database.update("DROP FUNCTION " + trigger + "()");
    }

    Api.Reply brokenRetry = broken.post("/api/v1/apps", "{\"name\": \"Broken\"}");
    Api.Reply unavailableRetry = unavailable.post("/api/v1/apps", "{\"name\": \"Unavailable\"}");

    assertProblem(failed, 500, "internal_error");
    assertProblem(refused, 503, "unavailable");
    assertEquals(201, brokenRetry.status(), brokenRetry::toString);
    assertNull(brokenRetry.header(REPLAYED));
    assertEquals(201, unavailableRetry.status(), unavailableRetry::toString);
    assertNull(unavailableRetry.header(REPLAYED));
    assertEquals(1, apps(owner, "Broken"));
    assertEquals(1, apps(owner, "Unavailable"));
  }

  @Test
  void retryWaitsForARunningRequestAndTakesOverOneWhoseServerDied() throws Exception {
    Owner owner = Organizations.signUp("Idempotent in flight");
    String running = newKey();
    String abandoned = newKey();
    String body = "{\"name\": \"In flight\"}";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    inProgress(owner, running, body, now.plusSeconds(60));
    inProgress(owner, abandoned, body, now.minusSeconds(1));

    Api.Reply wait = owner.api().header(KEY, running).post("/api/v1/apps", body);
    Api.Reply takenOver = owner.api().header(KEY, abandoned).post("/api/v1/apps", body);
    Api.Reply retry = owner.api().header(KEY, abandoned).post("/api/v1/apps", body);

    assertProblem(wait, 409, "idempotency_key_in_use");
    assertEquals("1", wait.header("Retry-After"));
    assertEquals(201, takenOver.status(), takenOver::toString);
    assertEquals("true", retry.header(REPLAYED));
    assertEquals(takenOver.string("id"), retry.string("id"));
    assertEquals(1, apps(owner));
  }

  /** A key claimed by a request that is still running (or whose server died) until {@code lockedUntil}. */
  private static void inProgress(Owner owner, String key, String body, Instant lockedUntil) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("POST /api/v1/apps\n".getBytes(StandardCharsets.UTF_8));
    sha256.update(body.getBytes(StandardCharsets.UTF_8));
    Database.update("INSERT INTO idempotency_keys (id, organization_id, principal, idempotency_key, request_method,"
        + " request_path, request_hash, created_at, holder, locked_until) VALUES (?, ?::uuid, ?, ?, 'POST',"
        + " '/api/v1/apps', ?, now(), ?, ?)", UUID.randomUUID(), owner.organizationId(), "jwt:" + tokenId(owner.token()),
        key, HexFormat.of().formatHex(sha256.digest()), UUID.randomUUID(), Timestamp.from(lockedUntil));
  }

  /** The {@code jti} of a sign-in token: keys belong to the token that sent them. */
  private static String tokenId(String jwt) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject().getString("jti");
  }

  @Test
  void malformedKeysAreRefusedAndCreateNothing() throws Exception {
    Owner owner = Organizations.signUp("Idempotent malformed");
    String body = "{\"name\": \"Malformed\"}";

    Api.Reply tooLong = owner.api().header(KEY, "k".repeat(256)).post("/api/v1/apps", body);
    Api.Reply tab = owner.api().header(KEY, "a\tb").post("/api/v1/apps", body);
    // The JDK's client turns a non-ASCII character into '?' (a valid key): these go out byte for byte.
    RawReply latin1 = raw(owner, List.of(KEY + ": caf\u00e9"), body);
    RawReply utf8 = raw(owner, List.of(KEY + ": caf\u00c3\u00a9"), body);
    RawReply nul = raw(owner, List.of(KEY + ": a\u0000b"), body);
    RawReply twice = raw(owner, List.of(KEY + ": one", KEY + ": two"), body);

    for (Api.Reply reply : List.of(tooLong, tab)) {
      assertProblem(reply, 400, "idempotency_key_invalid");
    }
    for (RawReply reply : List.of(latin1, utf8, nul, twice)) {
      assertEquals(400, reply.status(), reply::toString);
      assertTrue(reply.text().contains("application/problem+json"), reply::toString);
      assertTrue(reply.text().contains("\"idempotency_key_invalid\""), reply::toString);
    }
    assertEquals(0, apps(owner));
    assertEquals(0, Database.count("SELECT count(*) FROM idempotency_keys WHERE organization_id = ?::uuid", owner.organizationId()));

    Api.Reply longest = owner.api().header(KEY, "k".repeat(255)).post("/api/v1/apps", body);
    assertEquals(201, longest.status(), longest::toString);
  }

  @Test
  void replayedApiKeyIsTheSameKeyAndIsNeverStoredInPlaintext() {
    Owner owner = Organizations.signUp("Idempotent secret");
    Api api = owner.api().header(KEY, newKey());

    Api.Reply first = api.post("/api/v1/api-keys", "{\"name\": \"Once\"}");
    Api.Reply retry = api.post("/api/v1/api-keys", "{\"name\": \"Once\"}");

    assertEquals(201, first.status(), first::toString);
    assertEquals("true", retry.header(REPLAYED));
    assertEquals(first.string("key"), retry.string("key"), "the client that lost the response gets its key");
    String secret = first.string("key");
    String stored = (String) Database.single("SELECT response_body FROM idempotency_keys WHERE organization_id = ?::uuid",
        owner.organizationId());
    assertNotNull(stored);
    assertTrue(stored.startsWith("v1:"), "the response is sealed");
    assertFalse(stored.contains(secret), "the key's plaintext is stored");
    String encoded = java.util.Base64.getEncoder().encodeToString(first.body().getBytes(StandardCharsets.UTF_8));
    assertFalse(stored.contains(encoded.substring(0, 40)), "the response is stored merely encoded");
    assertEquals(1, Database.count("SELECT count(*) FROM api_keys WHERE organization_id = ?::uuid", owner.organizationId()));
  }

  @Test
  void postsWithoutATokenIgnoreTheKey() {
    String key = newKey();
    String first = Organizations.uniqueEmail("first");
    String second = Organizations.uniqueEmail("second");

    Api.Reply one = Api.anonymous().header(KEY, key).post("/api/v1/auth/signup", signUp(first));
    Api.Reply two = Api.anonymous().header(KEY, key).post("/api/v1/auth/signup", signUp(second));

    assertEquals(201, one.status(), one::toString);
    assertEquals(201, two.status(), "a stranger's key must not refuse another sign-up: " + two);
    assertNotEquals(one.json().getJsonObject("organization").getString("id"),
        two.json().getJsonObject("organization").getString("id"));
  }

  @Test
  void everyPostOfTheApiDocumentsTheKey() {
    Api.Reply document = Api.anonymous().header("Accept", "application/json").get("/openapi?format=JSON");

    assertEquals(200, document.status(), document::toString);
    var paths = document.json().getJsonObject("paths");
    long posts = 0;
    for (String path : paths.keySet()) {
      var post = paths.getJsonObject(path).getJsonObject("post");
      if (post == null) {
        continue;
      }
      posts++;
      assertTrue(post.containsKey("parameters") && post.getJsonArray("parameters").stream()
          .anyMatch(p -> KEY.equals(p.asJsonObject().getString("name")) && "header".equals(p.asJsonObject().getString("in"))),
          () -> "POST " + path + " does not document " + KEY + ": " + post);
    }
    assertTrue(posts >= 10, "too few POSTs in the document: " + posts);
    assertFalse(paths.getJsonObject("/api/v1/apps").getJsonObject("get").toString().contains(KEY), "a GET documents the key");
  }

  private static String signUp(String email) {
    return """
        {"organization_name": "Anonymous keys", "name": "Ann", "email": "%s", "password": "%s"}
        """.formatted(email, Organizations.PASSWORD);
  }

  private record RawReply(int status, String text) {}

  /** A POST with header lines the JDK's client refuses to send (a NUL byte, a repeated header). */
  private static RawReply raw(Owner owner, List<String> extraHeaders, String body) throws Exception {
    URI base = URI.create(Api.BASE_URL);
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("POST /api/v1/apps HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
        + "\r\nAuthorization: Bearer " + owner.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
        + content.length + "\r\nConnection: close\r\n");
    extraHeaders.forEach(line -> head.append(line).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      return new RawReply(Integer.parseInt(text.substring(9, 12)), text);
    }
  }
}
