package io.convot.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.shopify.Shopify;
import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.MailServer;
import io.convot.it.support.Receiver;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Uses every kind of secret the server handles (passwords, sign-in and integration tokens, API keys, invitation
 * tokens, webhook and identity secrets, a Partner API token, widget session tokens, the metrics token, the SMTP and
 * broker passwords, the keys in its data directory) and message text, right and wrong, then reads every file under
 * the test server's {@code logs/} (messages, console, trace, FFDC incidents and summaries): none holds any of them.
 * Meanwhile Convot's own classes trace at every level into {@code trace.log}.
 */
class LogLeakIT {

  private static final Path SERVER = TestServer.directory();
  private final Map<String, String> secrets = new LinkedHashMap<>();

  @Test
  void noSecretOrMessageTextReachesAnyLogFile() throws Exception {
    String marker;
    // Convot's own classes trace everything meanwhile (trace.log), as an operator chasing a problem would have them.
    try (MailServer mail = MailServer.start(); TracingConvot tracing = TracingConvot.start()) {
      useAccountSecrets();
      useIntegrationSecrets(mail);
      useConfiguredSecrets(mail);
      marker = logMarker();
      Eventually.await(() -> read(SERVER.resolve("logs/trace.log")), trace -> trace.contains("Sync run ") && trace.contains(marker),
          Duration.ofSeconds(10), "Convot's trace in trace.log");
    }

    List<Path> files = logFiles();
    String all = read(files);
    assertTrue(all.contains(marker), "the scan reads what the server logged last");
    assertTrue(files.stream().anyMatch(file -> file.toString().contains("ffdc")) || !Files.exists(SERVER.resolve("logs/ffdc"))
        || listed(SERVER.resolve("logs/ffdc")).isEmpty(), "FFDC files are scanned: " + files);
    // The scan finds a value the server does log (the sample's organization id, in the marker line).
    String logged = marker.substring(marker.lastIndexOf(' ') + 1);
    assertFalse(leaks(files, Map.of("a logged organization id", logged)).isEmpty(), "the scan finds what is logged");
    List<String> leaks = leaks(files, secrets);
    assertTrue(secrets.size() >= 25, "every kind of secret was used: " + secrets.keySet());
    assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
  }

  private static List<String> leaks(List<Path> files, Map<String, String> values) throws IOException {
    List<String> leaks = new ArrayList<>();
    for (Path file : files) {
      String content = Files.readString(file, StandardCharsets.ISO_8859_1);
      values.forEach((what, value) -> forms(value).forEach(form -> {
        if (content.contains(form)) {
          leaks.add(what + " in " + SERVER.relativize(file) + ": ..." + around(content, form) + "...");
        }
      }));
    }
    return leaks;
  }

  private void useAccountSecrets() {
    String password = secret("owner password", "pw-" + UUID.randomUUID());
    String email = "leak-" + UUID.randomUUID() + "@example.test";
    Api.Reply signedUp = Api.anonymous().post("/api/v1/auth/signup", Json.createObjectBuilder().add("organization_name", "Leak test")
        .add("name", "Lee").add("email", email).add("password", password).build().toString());
    assertEquals(201, signedUp.status(), signedUp::toString);
    String token = secret("owner sign-in token", signedUp.string("token"));
    Api owner = Api.withToken(token);

    String wrong = secret("a wrong password", "wrong-" + UUID.randomUUID());
    assertEquals(401, login(email, wrong).status());
    assertEquals(401, login("nobody-" + UUID.randomUUID() + "@example.test", wrong).status());
    assertEquals(200, login(email, password).status());
    String newPassword = secret("a changed password", "new-pw-" + UUID.randomUUID());
    assertEquals(204, owner.post("/api/v1/me/password", Json.createObjectBuilder().add("current_password", password)
        .add("new_password", newPassword).build().toString()).status());
    assertEquals(422, owner.post("/api/v1/me/password", Json.createObjectBuilder().add("current_password", wrong)
        .add("new_password", secret("a refused new password", "refused-" + UUID.randomUUID())).build().toString()).status());

    Api.Reply invited = owner.post("/api/v1/members", "{\"email\": \"agent-" + UUID.randomUUID() + "@example.test\", \"role\": \"agent\"}");
    assertEquals(201, invited.status(), invited::toString);
    String url = invited.json().getJsonObject("invitation").getString("url");
    String invitation = secret("invitation token", url.substring(url.lastIndexOf('/') + 1));
    String agentPassword = secret("agent password", "agent-pw-" + UUID.randomUUID());
    Api.Reply accepted = Api.anonymous().post("/api/v1/invitations/" + invitation + "/accept",
        Json.createObjectBuilder().add("name", "Agent").add("password", agentPassword).build().toString());
    assertEquals(200, accepted.status(), accepted::toString);
    secret("agent sign-in token", accepted.string("token"));
    assertEquals(404, Api.anonymous().post("/api/v1/invitations/" + secret("an unknown invitation token", "inv" + UUID.randomUUID().toString().replace("-", ""))
        + "/accept", Json.createObjectBuilder().add("name", "X").add("password", agentPassword).build().toString()).status());

    String apiKey = secret("API key", owner.post("/api/v1/api-keys", "{\"name\": \"leak\"}").string("key"));
    assertEquals(200, Api.withToken(apiKey).get("/api/v1/apps").status());
    assertEquals(401, Api.withToken(secret("an unknown API key", "cvk_" + UUID.randomUUID().toString().replace("-", ""))).get("/api/v1/apps").status());
    String integration = secret("integration token", owner.post("/api/v1/tokens", "{\"name\": \"leak\"}").string("token"));
    assertEquals(200, Api.withToken(integration).get("/api/v1/apps").status());
    String forged = secret("a forged JWT", "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl" + UUID.randomUUID().toString().replace("-", ""));
    assertEquals(401, Api.withToken(forged).get("/api/v1/apps").status());
    assertEquals(401, Api.withToken(secret("a garbage bearer token", "garbage-" + UUID.randomUUID())).get("/api/v1/apps").status());

    JsonObject app = Widget.createApp(owner, "Leak app", true);
    String identitySecret = secret("identity secret", app.getString("identity_secret"));
    String visitorEmail = "visitor-" + UUID.randomUUID() + "@example.test";
    Widget widget = new Widget(app.getString("app_key"));
    String userHash = secret("a user hash", Widget.userHash(identitySecret, visitorEmail));
    String session = secret("widget session token", widget.session("\"user\": {\"email\": \"" + visitorEmail + "\"}, \"user_hash\": \"" + userHash + "\""));
    Api.Reply sent = Widget.send(session, secret("visitor message text", "My card number is 4242 " + UUID.randomUUID()));
    assertEquals(201, sent.status(), sent::toString);
    String conversation = sent.string("conversation_id");
    assertEquals(201, owner.post("/api/v1/conversations/" + conversation + "/messages", Json.createObjectBuilder()
        .add("text", secret("agent reply text", "Your code is " + UUID.randomUUID())).build().toString()).status());
    assertEquals(201, owner.post("/api/v1/conversations/" + conversation + "/messages", Json.createObjectBuilder()
        .add("text", secret("private note text", "Note: refund " + UUID.randomUUID())).add("private", true).build().toString()).status());
    assertEquals(401, widget.start("\"user\": {\"email\": \"" + visitorEmail + "\"}, \"user_hash\": \""
        + secret("a wrong user hash", Widget.userHash("not-the-secret-" + UUID.randomUUID(), visitorEmail)) + "\"").status());
    assertEquals(401, Widget.send(secret("an unknown widget session", "cvs_" + UUID.randomUUID().toString().replace("-", "")), "hello").status());
  }

  private void useIntegrationSecrets(MailServer mail) throws Exception {
    Shopify shopify = Shopify.setUp("Leak Shopify");
    secret("Partner API token", shopify.token);
    secret("the owner's token of the Shopify organization", shopify.owner.token());
    shopify.connectAndSync();
    assertEquals(422, shopify.connect(secret("a rejected Partner API token", "prtapi_" + UUID.randomUUID().toString().replace("-", ""))).status());

    Api owner = shopify.api();
    try (Receiver receiver = new Receiver()) {
      receiver.answer(Receiver.Answer.of(500)).otherwise(Receiver.Answer.of(410));
      JsonObject endpoint = owner.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"webhook.test\"]}").json();
      secret("webhook signing secret", endpoint.getString("secret"));
      assertEquals(202, owner.post("/api/v1/webhooks/" + endpoint.getString("id") + "/test", "").status());
      receiver.await(Receiver.ofType("webhook.test"), 2, Duration.ofSeconds(30));
      // A 410 disables the endpoint and mails the owner: notification mail goes out over SMTP, logged in.
      mail.await(shopify.owner.email(), 1, Duration.ofSeconds(30));
    }
  }

  private void useConfiguredSecrets(MailServer mail) throws IOException {
    String config = Files.readString(SERVER.resolve("configDropins/overrides/test-server.xml"));
    String smtpUser = variable(config, "convot.mail.username");
    String smtpPassword = secret("SMTP password", variable(config, "convot.mail.password"));
    assertTrue(mail.loggedIn(smtpUser), "the server logged in to the SMTP server");
    secret("SMTP AUTH PLAIN", Base64.getEncoder().encodeToString(("\0" + smtpUser + "\0" + smtpPassword).getBytes(StandardCharsets.UTF_8)));
    secret("SMTP AUTH LOGIN password", Base64.getEncoder().encodeToString(smtpPassword.getBytes(StandardCharsets.UTF_8)));
    secret("broker password", variable(config, "CONVOT_BROKER_PASSWORD"));
    String dbPassword = System.getenv("CONVOT_DB_PASSWORD");
    if (dbPassword != null && dbPassword.length() >= 6) {
      secret("database password", dbPassword);
    }
    secret("metrics token", Scrape.TOKEN);
    Scrape.take();
    assertEquals(401, Api.anonymous().header("Authorization", "Bearer " + secret("a wrong metrics token", "mt-" + UUID.randomUUID()))
        .get("/metrics").status());
    Path keys = SERVER.resolve("convot-data/keys");
    String encryption = Files.readString(keys.resolve("encryption.keys")).strip();
    secret("encryption key", encryption.substring(encryption.indexOf(':') + 1).split(",")[0]);
    String pem = Files.readString(keys.resolve("jwt-private.pem"));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    secret("JWT signing key", body.substring(body.length() / 2, body.length() / 2 + 64));
  }

  /** A request whose handling logs a line: once it is in the log, everything before it is too. */
  private static String logMarker() {
    Api.Reply sample = Api.anonymous().post("/api/v1/sample", "");
    assertEquals(201, sample.status(), sample::toString);
    String marker = "Sample organization " + sample.json().getString("organization_id");
    Eventually.await(TestServer::log, log -> log.contains(marker), Duration.ofSeconds(10), "the marker in messages.log");
    return marker;
  }

  private String secret(String what, String value) {
    assertFalse(value == null || value.length() < 8, what + " is a real value: " + value);
    secrets.put(what, value);
    return value;
  }

  /** The value as it is, and as a log line could have escaped it (JSON, URLs). */
  private static List<String> forms(String value) {
    return Stream.of(value, value.replace("/", "\\/"), URLEncoder.encode(value, StandardCharsets.UTF_8)).distinct().toList();
  }

  private static Api.Reply login(String email, String password) {
    return Api.anonymous().post("/api/v1/auth/login", Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
  }

  private static String variable(String config, String name) {
    Matcher matcher = Pattern.compile("<variable name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(config);
    assertTrue(matcher.find(), name + " in test-server.xml");
    return matcher.group(1);
  }

  private static List<Path> logFiles() throws IOException {
    List<Path> files = listed(SERVER.resolve("logs"));
    assertTrue(files.stream().anyMatch(file -> file.endsWith("messages.log")) && files.stream().anyMatch(file -> file.endsWith("console.log"))
        && files.stream().anyMatch(file -> file.endsWith("trace.log")), "the server's logs: " + files);
    return files;
  }

  private static List<Path> listed(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  /** A configuration drop-in that traces {@code io.convot.*} until it is closed (Liberty applies it while running). */
  private static final class TracingConvot implements AutoCloseable {
    private static final String BASE = "*=info:org.apache.activemq.audit.*=warning";
    private static final Path DROP_IN = SERVER.resolve("configDropins/overrides/zz-log-leak-trace.xml");

    static TracingConvot start() throws IOException {
      if (Files.exists(DROP_IN)) { // left by a run that was cut off: the server may have started with it
        apply(false, () -> Files.delete(DROP_IN));
      }
      try {
        apply(true, () -> Files.writeString(DROP_IN, "<server><logging traceSpecification=\"" + BASE + ":io.convot.*=all\"/></server>\n"));
      } catch (RuntimeException | Error e) {
        Files.deleteIfExists(DROP_IN);
        throw e;
      }
      return new TracingConvot();
    }

    @Override
    public void close() throws IOException {
      apply(false, () -> Files.delete(DROP_IN));
    }

    private interface Change {
      void make() throws IOException;
    }

    /** Makes the change, then waits for Liberty's TRAS0018I with (or without) Convot's trace in the new state. */
    private static void apply(boolean tracing, Change change) throws IOException {
      int before = TestServer.log().length();
      change.make();
      Pattern applied = Pattern.compile("TRAS0018I: The trace state has been changed\\. The new trace state is (\\S+)\\.");
      Eventually.await(() -> TestServer.log().substring(before), log -> {
        Matcher matcher = applied.matcher(log);
        while (matcher.find()) {
          if (matcher.group(1).contains("io.convot.*=all") == tracing) {
            return true;
          }
        }
        return false;
      }, Duration.ofSeconds(30), tracing ? "Convot's trace on" : "Convot's trace off again");
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(List<Path> files) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
    }
    return all.toString();
  }

  private static String around(String content, String form) {
    int at = content.indexOf(form);
    return content.substring(Math.max(0, at - 120), Math.min(content.length(), at + form.length() + 40)).replace(form, "<" + form + ">");
  }
}
