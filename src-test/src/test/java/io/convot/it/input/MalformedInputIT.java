package io.convot.it.input;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What used to be a 500 (NUL in a string, far timestamps, array bodies, deep nesting) or an HTML
 * page from the servlet container (a bad path, a malformed Content-Type) is a clear 4xx
 * problem+json with a code, and stores nothing.
 */
class MalformedInputIT {

  /** A JSON escape of NUL and of an unpaired surrogate, as a client would send them. */
  private static final String NUL = "\\u0000";
  private static final String LONE_SURROGATE = "\\ud800";
  private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

  private final Organizations.Owner owner = Organizations.signUp("Careful input");
  private final JsonObject app = Widget.createApp(owner.api(), "Input app", false);
  private final Widget widget = new Widget(app.getString("app_key"));

  @Test
  void nulInAPublicStringIsAFieldErrorNotAServerError() {
    Api anonymous = Api.anonymous();
    String organization = "Refused " + UUID.randomUUID();
    assertValidationError(anonymous.post("/api/v1/auth/login", "{\"email\": \"a" + NUL + "b@example.com\", \"password\": \"x\"}"), "email");
    assertValidationError(anonymous.post("/api/v1/auth/signup", """
        {"organization_name": "%s%s", "name": "Ann", "email": "%s", "password": "correct horse"}
        """.formatted(organization, NUL, Organizations.uniqueEmail("nul"))), "organization_name");
    assertValidationError(Widget.client(null).post("/widget/v1/sessions", "{\"app_id\": \"a" + NUL + "b\"}"), "app_id");
    assertValidationError(widget.start("\"user\": {\"nickname\": \"Ann" + NUL + "\"}"), "user.nickname");
    assertValidationError(widget.start("\"user\": {\"nickname\": \"Ann" + LONE_SURROGATE + "\"}"), "user.nickname");
    assertValidationError(widget.start("\"data\": {\"pl" + NUL + "an\": \"pro\"}"), "data.pl\uFFFDan");

    assertEquals(0, Database.count("SELECT count(*) FROM contacts c JOIN apps a ON a.id = c.app_id WHERE a.app_key = ?", widget.appKey()));
    assertEquals(0, Database.count("SELECT count(*) FROM organizations WHERE name LIKE ?", organization + "%"));
  }

  @Test
  void nulInAMemberOrVisitorStringIsAFieldErrorAndStoresNothing() {
    Api api = owner.api();
    assertValidationError(api.post("/api/v1/apps", "{\"name\": \"Bad" + NUL + "\"}"), "name");
    assertValidationError(api.post("/api/v1/api-keys", "{\"name\": \"Bad" + LONE_SURROGATE + "\"}"), "name");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\", \"description\": \"x" + NUL + "\"}"), "description");
    assertValidationError(api.post("/api/v1/webhooks", "{\"url\": \"https://hooks.example.test\", \"events\": [\"message.received\", \"x" + NUL + "\"]}"), "events[1]");

    String token = widget.session("\"user\": {\"email\": \"ann@shop.test\"}");
    Api visitor = Widget.client(token);
    assertValidationError(visitor.post("/widget/v1/messages", "{\"text\": \"hi" + NUL + "\"}"), "text");
    assertValidationError(visitor.post("/widget/v1/events", "{\"name\": \"signed" + NUL + "up\"}"), "name");
    assertValidationError(visitor.patch("/widget/v1/session", "{\"user\": {\"phone\": \"1" + NUL + "\"}}"), "user.phone");
    assertEquals(201, Widget.send(token, "hello").status());
    JsonObject contact = api.get("/api/v1/contacts?app_id=" + app.getString("id")).json().getJsonArray("data").getJsonObject(0);
    String contactId = contact.getString("id");
    String conversationId = api.get("/api/v1/conversations?contact_id=" + contactId).json().getJsonArray("data").getJsonObject(0).getString("id");
    assertValidationError(api.patch("/api/v1/contacts/" + contactId, "{\"nickname\": \"A" + NUL + "\"}"), "nickname");
    assertValidationError(api.patch("/api/v1/contacts/" + contactId, "{\"phone\": \"1" + LONE_SURROGATE + "\"}"), "phone");
    assertValidationError(api.post("/api/v1/conversations/" + conversationId + "/messages", "{\"text\": \"re" + NUL + "\"}"), "text");

    assertEquals(1, api.get("/api/v1/apps").json().getJsonArray("data").size());
    assertEquals(0, api.get("/api/v1/api-keys").json().getJsonArray("data").size());
    assertEquals(0, api.get("/api/v1/webhooks").json().getJsonArray("data").size());
    assertEquals(1, Database.count("SELECT count(*) FROM messages WHERE conversation_id = ?::uuid", conversationId));
    assertEquals(0, Database.count("SELECT count(*) FROM contact_events WHERE contact_id = ?::uuid", contactId));
    JsonObject unchanged = api.get("/api/v1/contacts/" + contactId).json();
    assertEquals(JsonValue.NULL, unchanged.get("nickname"));
    assertEquals(JsonValue.NULL, unchanged.get("phone"));
  }

  @Test
  void nulInAQueryParameterIsAFieldErrorAndInAPathNotFound() {
    assertValidationError(Api.anonymous().get("/widget/v1/config?app_id=a%00b"), "app_id");
    assertValidationError(owner.api().get("/api/v1/contacts?email=a%00b%40example.com"), "email");
    assertValidationError(owner.api().get("/api/v1/contacts?segment=vip%EF%BF%BE"), "segment");
  }

  @Test
  void aTimeBeyondTheAcceptedYearsIsRefusedEverywhere() {
    String farCursor = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((FAR_FUTURE + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    for (String list : List.of("/api/v1/apps", "/api/v1/members", "/api/v1/api-keys", "/api/v1/conversations",
        "/api/v1/contacts", "/api/v1/webhooks")) {
      assertProblem(owner.api().get(list + "?cursor=" + farCursor), 400, "invalid_cursor");
    }
    String token = widget.session("");
    assertProblem(Widget.client(token).get("/widget/v1/messages?cursor=" + farCursor), 400, "invalid_cursor");

    assertValidationError(owner.api().get("/api/v1/conversations?updated_since=" + FAR_FUTURE.replace("+", "%2B")), "updated_since");
    assertValidationError(owner.api().get("/api/v1/contacts?updated_since=-999999999-01-01T00:00:00Z"), "updated_since");
    Api.Reply created = owner.api().post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/never-called\"}");
    assertEquals(201, created.status(), created::toString);
    String webhook = created.json().getString("id");
    assertValidationError(owner.api().get("/api/v1/webhooks/" + webhook + "/deliveries?since=" + FAR_FUTURE.replace("+", "%2B")), "since");
    assertValidationError(owner.api().post("/api/v1/webhooks/" + webhook + "/replay", "{\"since\": \"" + FAR_FUTURE + "\"}"), "since");
    assertEquals(202, owner.api().post("/api/v1/webhooks/" + webhook + "/replay", "{\"since\": \"9999-12-31T23:59:59Z\"}").status());
  }

  @Test
  void unknownFieldsAndWrongTypesAreRefusedOnEveryEndpointAlike() {
    Api api = owner.api();
    assertFieldCode(Api.anonymous().post("/api/v1/auth/login", "{\"email\": \"a@example.test\", \"password\": \"x\", \"remember\": true}"), "remember", "unknown_field");
    assertFieldCode(api.post("/api/v1/api-keys", "{\"name\": \"CI\", \"scopes\": []}"), "scopes", "unknown_field");
    assertFieldCode(api.post("/api/v1/members", "{\"email\": \"x@example.test\", \"role\": \"agent\", \"team\": 1}"), "team", "unknown_field");
    assertFieldCode(api.post("/api/v1/apps", "{\"name\": \"Typo\", \"alowed_origins\": []}"), "alowed_origins", "unknown_field");
    assertFieldCode(api.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/x\", \"app_ids\": [\"nope\"]}"), "app_ids[0]", "invalid_id");
    assertFieldCode(api.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/x\", \"events\": \"message.received\"}"), "events", "wrong_type");
    assertFieldCode(api.patch("/api/v1/members/" + owner.memberId(), "{\"permissions\": {\"revenue\": true}}"), "permissions.revenue", "unknown_field");
    String token = widget.session("");
    assertFieldCode(Widget.client(token).post("/widget/v1/events", "{\"name\": \"" + "n".repeat(101) + "\"}"), "name", "too_long");
    assertFieldCode(Widget.client(token).post("/widget/v1/events", "{\"color\": \"teal\"}"), "name", "required");
    assertFieldCode(Widget.client(token).post("/widget/v1/messages", "{}"), "text", "required");

    assertEquals(1, api.get("/api/v1/apps").json().getJsonArray("data").size());
    assertEquals(0, api.get("/api/v1/api-keys").json().getJsonArray("data").size());
    assertEquals(0, api.get("/api/v1/webhooks").json().getJsonArray("data").size());
    assertEquals(1, api.get("/api/v1/members").json().getJsonArray("data").size());
  }

  @Test
  void nullClearsOnlyWhatMayBeEmptyAndAGivenFieldMustBeThere() {
    Api api = owner.api();
    String path = "/api/v1/apps/" + app.getString("id");
    String hours = "{\"timezone\": \"Europe/Paris\", \"days\": {}}";
    Api.Reply set = api.patch(path, "{\"shopify_app_id\": \"gid-1\", \"office_hours\": " + hours + "}");
    assertEquals(200, set.status(), set::toString);
    Api.Reply untouched = api.patch(path, "{\"name\": \"Renamed\"}");
    assertEquals("gid-1", untouched.string("shopify_app_id"));
    assertEquals("Europe/Paris", untouched.json().getJsonObject("office_hours").getString("timezone"));
    Api.Reply cleared = api.patch(path, "{\"shopify_app_id\": null, \"office_hours\": null}");
    assertEquals(200, cleared.status(), cleared::toString);
    assertEquals(true, cleared.isNull("shopify_app_id") && cleared.isNull("office_hours"), cleared::toString);

    assertFieldCode(api.patch(path, "{\"theme_color\": null}"), "theme_color", "wrong_type");
    assertFieldCode(api.patch(path, "{\"shopify_app_id\": 7}"), "shopify_app_id", "wrong_type");
    assertFieldCode(api.patch(path, "{\"office_hours\": []}"), "office_hours", "wrong_type");
    assertFieldCode(api.patch("/api/v1/members/" + owner.memberId(), "{\"role\": null}"), "role", "wrong_type");
    assertFieldCode(api.patch("/api/v1/members/" + owner.memberId(), "{\"permissions\": {\"revenue_access\": null}}"),
        "permissions.revenue_access", "wrong_type");
    assertFieldCode(Widget.client(null).post("/widget/v1/sessions", "{\"app_id\": \"" + widget.appKey() + "\", \"user\": null}"),
        "user", "wrong_type");
    assertFieldCode(Widget.client(null).post("/widget/v1/sessions", "{\"app_id\": \"" + widget.appKey() + "\", \"data\": {\"plan\": {\"tier\": 1}}}"),
        "data.plan", "wrong_type");
    assertFieldCode(Widget.client(null).post("/widget/v1/sessions", "{\"user\": {\"email\": \"a@shop.test\"}}"), "app_id", "required");

    assertEquals("Renamed", api.get(path).string("name"));
    assertEquals("owner", api.get("/api/v1/members/" + owner.memberId()).string("role"));
  }

  @Test
  void patchesAreAcceptedAsJsonMergePatchWithTheSameChecks() throws Exception {
    String path = "/api/v1/apps/" + app.getString("id");
    Api.Reply renamed = mergePatch(path, "{\"name\": \"Renamed\"}");
    assertEquals(200, renamed.status(), renamed::toString);
    assertEquals("Renamed", renamed.string("name"));
    assertEquals(app.getJsonArray("allowed_origins"), renamed.json().getJsonArray("allowed_origins"));
    assertValidationError(mergePatch(path, "{\"name\": \"x" + NUL + "\"}"), "name");
    assertProblem(mergePatch(path, "[]"), 400, "malformed_request");
    assertEquals("Renamed", owner.api().get(path).string("name"));

    Api.Reply snakeCase = mergePatch(path, "{\"require_identity_verification\": true, \"allowed_origins\": [\"https://admin.example.com\"]}");
    assertEquals(200, snakeCase.status(), snakeCase::toString);
    assertEquals(true, owner.api().get(path).json().getBoolean("require_identity_verification"), "snake_case fields bind too");
    assertEquals("https://admin.example.com", owner.api().get(path).json().getJsonArray("allowed_origins").getString(0));
    assertFieldCode(mergePatch(path, "{\"allowed_origins\": [\"ftp://files.example.com\"]}"), "allowed_origins[0]", "invalid_origin");
  }

  private Api.Reply mergePatch(String path, String body) throws Exception {
    return new Api.Reply(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  private static void assertFieldCode(Api.Reply reply, String field, String code) {
    assertValidationError(reply, field);
    boolean found = reply.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
        .anyMatch(error -> error.getString("field").equals(field) && error.getString("code").equals(code));
    assertEquals(true, found, () -> "no " + code + " on " + field + ": " + reply);
  }

  @Test
  void aBodyThatIsNotAnObjectIsMalformed() {
    for (String body : List.of("[]", "[1,2,3]", "42", "\"text\"", "null", "true")) {
      assertProblem(Widget.client(null).post("/widget/v1/sessions", body), 400, "malformed_request");
      assertProblem(Api.anonymous().post("/api/v1/auth/login", body), 400, "malformed_request");
      assertProblem(owner.api().post("/api/v1/apps", body), 400, "malformed_request");
      assertProblem(owner.api().patch("/api/v1/apps/" + app.getString("id"), body), 400, "malformed_request");
    }
    String token = widget.session("");
    assertProblem(Widget.client(token).post("/widget/v1/messages", "[1,2,3]"), 400, "malformed_request");
    assertProblem(Widget.client(token).post("/widget/v1/events", "[]"), 400, "malformed_request");
    assertProblem(Widget.client(token).patch("/widget/v1/session", "[]"), 400, "malformed_request");
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
  }

  @Test
  void nestingBeyondTheLimitIsMalformed() {
    String deepArray = "{\"user\": " + "[".repeat(1_001) + "]".repeat(1_001) + "}";
    String deepObject = "{\"data\": " + "{\"a\": ".repeat(1_001) + "1" + "}".repeat(1_001) + "}";
    assertProblem(Widget.client(null).post("/widget/v1/sessions", deepArray), 400, "malformed_request");
    assertProblem(Widget.client(null).post("/widget/v1/sessions", deepObject), 400, "malformed_request");
    assertProblem(Api.anonymous().post("/api/v1/auth/login", deepObject), 400, "malformed_request");
    assertProblem(owner.api().post("/api/v1/apps", deepObject), 400, "malformed_request");
    // Thirty-three levels are already too deep; a real request is four.
    String justTooDeep = "{\"data\": " + "{\"a\": ".repeat(32) + "1" + "}".repeat(32) + "}";
    assertProblem(owner.api().post("/api/v1/apps", justTooDeep), 400, "malformed_request");
  }

  @Test
  void aBodyOverTheSizeLimitIsTooLarge() {
    String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
    assertProblem(owner.api().post("/api/v1/apps", huge), 413, "payload_too_large");
    assertValidationError(owner.api().post("/api/v1/apps", "{\"name\": \"" + "x".repeat(100_000) + "\"}"), "name");
    assertValidationError(owner.api().post("/api/v1/apps", "{\"name\": \"A\", \"theme_color\": 1e999999999}"), "theme_color");
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
  }

  @Test
  void theServletContainersOwnRefusalsAreProblems() throws Exception {
    for (String path : List.of("/api/v1/apps/a%2Fb", "/api/v1/a%ffb", "/widget/v1/config%2F", "/api/v1/apps/%2e%2e/%2e%2e/WEB-INF/web.xml")) {
      Api.Reply reply = owner.api().get(path);
      assertProblem(reply, 400, "malformed_request");
      assertNotNull(reply.header("X-Request-Id"), path);
    }
    assertProblem(Api.anonymous().get("/no-such-page"), 404, "not_found");
    assertProblem(Api.anonymous().get("/errors/problem"), 404, "not_found");
    for (String contentType : List.of("/", "application/json; charset", ";;;", "application/json; charset=nope")) {
      HttpResponse<String> reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/apps")).timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + owner.token()).header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Typed\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      Api.Reply wrapped = new Api.Reply(reply);
      assertEquals("application/problem+json", wrapped.contentType().split(";")[0], contentType + ": " + wrapped);
      assertEquals(true, reply.statusCode() == 400 || reply.statusCode() == 415, contentType + ": " + wrapped);
    }
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size());
  }

  /**
   * A control character encoded in a path (NUL, CR/LF, ESC, DEL) is refused by Liberty's web
   * container while it canonicalizes the path, before it even picks the application (no setting
   * hands it over, see README): a 400 with Liberty's one-line body. No application code runs (no
   * filter gave it a request id), the echoed path is entity-escaped, and nothing is stored.
   */
  @Test
  void aControlCharacterInAPathIsLibertysOwn400AndReachesNothing() {
    String body = "{\"name\": \"Through a bad path\", \"allowed_origins\": [\"https://bad-path.example\"]}";
    for (String path : List.of("/api/v1/apps/%00", "/api/v1/apps%00", "/api/v1/a%0d%0ab", "/api/v1/apps/%0A", "/api/v1/apps/%1B",
        "/api/v1/apps/%7F", "/widget/v1/config%00", "/api/v1/%3Cscript%3E%00")) {
      Api.Reply json = owner.api().header("Accept", "application/json").post(path, body);
      assertEquals(400, json.status(), path);
      assertEquals("application/json", json.contentType().split(";")[0], path);
      assertEquals(Set.of("error_message"), json.json().keySet(), path);
      assertTrue(json.json().getString("error_message").startsWith("CWWWC0005I: "), json::toString);
      assertNull(json.header("X-Request-Id"), () -> path + ": no application filter ran");
      Api.Reply html = owner.api().header("Accept", "text/html").get(path);
      assertEquals(400, html.status(), path);
      assertEquals("text/html", html.contentType().split(";")[0], path);
      assertTrue(html.body().startsWith("<H1>CWWWC0005I: ") && !html.body().contains("<script"), html::toString);
      assertNull(html.header("X-Request-Id"), path);
    }
    assertEquals(1, owner.api().get("/api/v1/apps").json().getJsonArray("data").size(), "nothing was created");
    assertEquals(0, Database.count("SELECT count(*) FROM apps WHERE name = 'Through a bad path'"));
  }
}
