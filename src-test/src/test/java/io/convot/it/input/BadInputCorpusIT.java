package io.convot.it.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.TestServer;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind against every operation of the served OpenAPI document and of the widget
 * API: malformed and non-object bodies, NUL, unpaired surrogates and non-characters, huge and deeply
 * nested values, far timestamps, wrong types, bad ids in paths, bad query parameters. No answer is a
 * 5xx, every error is problem+json with a code, the server logs no stack trace, and the lists
 * afterwards hold exactly what was accepted.
 */
class BadInputCorpusIT {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** Bad values for a string field, as JSON. */
  private static final List<String> BAD_STRINGS = List.of(
      "\"a\\u0000b\"", "\"a\\ud800b\"", "\"a\\udc00\"", "\"\\uffff\"", "\"\\ufdd0\"",
      "\"" + "x".repeat(200_000) + "\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
      "[]", "{}", "[\"a\", 1]", "1e999999999", "-0.0000001e-9999", "true", "{\"" + "\\u0000" + "\": 1}");
  /** Strange but storable text: a client may well send it, and it is then kept as text. */
  private static final List<String> ODD_STRINGS = List.of("\"<script>alert(1)</script>\"", "\"\\u200b\\ud83d\\ude00 \\u202e\"");

  private static final List<String> BAD_BODIES = List.of("", "{", "{\"a\": }", "[]", "[1,2,3]", "42", "\"text\"", "null",
      "{} {}", "\u00ff\u00fe", "{\"a\": 1, \"a\": 2}", "{\"\\u0000\": 1}", "{\"unknown_field_xyz\": 1}",
      "{\"a\": " + "[".repeat(1_500) + "]".repeat(1_500) + "}", "{\"a\": " + "{\"b\": ".repeat(1_500) + "1" + "}".repeat(1_500) + "}",
      "{\"a\": \"" + "y".repeat(1_200_000) + "\"}");

  private static final List<String> BAD_IDS = List.of("not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
      "%27%20OR%201%3D1--", "x".repeat(3_000), "%E2%80%8B", "%EF%BF%BE", "..", "12345678-1234-1234-1234-1234567890123");

  private static final List<String> BAD_QUERY_VALUES = List.of("%00", "a%00b", "%EF%BF%BE", "%2B999999999-12-31T23%3A59%3A59Z",
      "-999999999-01-01T00%3A00%3A00Z", "not-a-uuid", "-1", "99999999999999999999", "x".repeat(4_000), "%ED%A0%80", "true%00",
      "MjAyNi0wMS0wMVQwMDowMDowMFp8bm90LWEtdXVpZA", "KzEwMDAwMDAwMC0wMS0wMVQwMDowMDowMFp8MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw");

  /** The fields each body that the OpenAPI document does not describe reads (besides the documented ones). */
  private static final Map<String, List<String>> FIELDS = Map.ofEntries(
      Map.entry("POST /api/v1/apps", List.of("name", "allowed_origins", "require_identity_verification", "shopify_app_id", "theme_color", "office_hours")),
      Map.entry("PATCH /api/v1/apps/{id}", List.of("name", "allowed_origins", "require_identity_verification", "shopify_app_id", "theme_color", "office_hours")),
      Map.entry("PATCH /api/v1/members/{id}", List.of("role", "permissions")),
      Map.entry("PATCH /api/v1/contacts/{id}", List.of("nickname", "avatar", "phone", "company", "data", "segments")),
      Map.entry("POST /api/v1/conversations/{id}/assign", List.of("member_id")),
      Map.entry("POST /api/v1/conversations/{id}/messages", List.of("text", "private")),
      Map.entry("POST /api/v1/webhooks", List.of("url", "events", "app_ids", "description")),
      Map.entry("PATCH /api/v1/webhooks/{id}", List.of("url", "events", "app_ids", "description")),
      Map.entry("POST /api/v1/webhooks/{id}/replay", List.of("since")),
      Map.entry("POST /api/v1/notification-channels", List.of("kind", "url", "events", "app_ids")),
      Map.entry("PATCH /api/v1/notification-channels/{id}", List.of("kind", "url", "events", "app_ids")),
      Map.entry("PATCH /api/v1/me/notifications", List.of("new_conversation", "new_message")),
      Map.entry("PUT /api/v1/integrations/shopify", List.of("partner_organization_id", "access_token")),
      Map.entry("POST /widget/v1/sessions", List.of("app_id", "user", "user_hash", "data", "segments", "segments_overwrite")),
      Map.entry("PATCH /widget/v1/session", List.of("user", "user_hash", "data", "segments", "segments_overwrite")),
      Map.entry("POST /widget/v1/messages", List.of("text")),
      Map.entry("POST /widget/v1/events", List.of("name", "data", "color")));

  /** The visitor's own fields, inside {@code user}. */
  private static final List<String> USER_FIELDS = List.of("email", "external_id", "nickname", "avatar", "phone", "company");
  private static final List<String> WIDGET_BAD_STRINGS = List.of(BAD_STRINGS.get(0), BAD_STRINGS.get(1), BAD_STRINGS.get(3),
      BAD_STRINGS.get(5), BAD_STRINGS.get(8), BAD_STRINGS.get(11));

  private final List<String> failures = new ArrayList<>();
  private int requests;
  private boolean widgetStrings;

  @Test
  void noBadInputIsAServerErrorAndEveryErrorIsAProblemWithACode() {
    Organizations.Owner owner = Organizations.signUp("Corpus");
    Api api = owner.api();
    JsonObject app = Widget.createApp(api, "Corpus app", false);
    Widget widget = new Widget(app.getString("app_key"));
    String visitor = widget.session("\"user\": {\"email\": \"corpus@shop.test\"}");
    assertEquals(201, Widget.send(visitor, "hello").status());
    String contactId = api.get("/api/v1/contacts?app_id=" + app.getString("id")).json().getJsonArray("data").getJsonObject(0).getString("id");
    JsonObject conversation = api.get("/api/v1/conversations?contact_id=" + contactId).json().getJsonArray("data").getJsonObject(0);
    Api.Reply endpoint = api.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/never-called\"}");
    assertEquals(201, endpoint.status(), endpoint::toString);
    String webhookId = endpoint.json().getString("id");
    Api.Reply channel = api.post("/api/v1/notification-channels",
        "{\"kind\": \"slack\", \"url\": \"http://127.0.0.1:9/never-called\", \"events\": [\"message.received\"]}");
    assertEquals(201, channel.status(), channel::toString);
    String channelId = channel.json().getString("id");
    Team.Joined agent = Team.join(owner, "agent");
    // The corpus changes the app it sends settings to (an empty allowed_origins is a valid setting): not the widget's.
    String target = Organizations.createApp(api, "Corpus target").getString("id");
    String messageId = api.get("/api/v1/conversations/" + conversation.getString("id") + "/messages").json()
        .getJsonArray("data").getJsonObject(0).getString("id");
    Map<String, String> ids = Map.of("id", "", "deliveryId", UUID.randomUUID().toString(), "token", "no-such-invitation");
    // The widget limits requests per session: each widget operation gets a session of its own.
    Api patching = Widget.client(widget.session(""));
    Api reading = Widget.client(widget.session(""));
    Api eventing = Widget.client(widget.session(""));
    Map<String, Integer> before = counts(api, conversation.getString("id"));
    String logBefore = TestServer.log();

    JsonObject openapi = Json.createReader(new StringReader(Api.anonymous().header("Accept", "application/json").get("/openapi").body())).readObject();
    Set<String> operations = new LinkedHashSet<>();
    Map<String, Integer> accepted = new LinkedHashMap<>();
    openapi.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
      if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
        return;
      }
      String verb = method.toUpperCase();
      operations.add(verb + " " + path);
      String realPath = realPath(path, Map.of("/api/v1/apps/{id}", target, "/api/v1/members/{id}", agent.memberId(),
          "/api/v1/contacts/{id}", contactId, "/api/v1/conversations/{id}", conversation.getString("id"),
          "/api/v1/webhooks/{id}", webhookId, "/api/v1/messages/{id}", messageId, "/api/v1/notification-channels/{id}", channelId), ids);
      // Signing out would end the token the rest of the corpus uses: that operation gets a token of its own.
      Api caller = path.equals("/api/v1/auth/logout") ? Api.withToken(Organizations.signUp("Corpus sign-out").token()) : api;
      badPathIds(caller, verb, path);
      badQueries(caller, verb, realPath, parameters(operation.asJsonObject(), "query"));
      if (operation.asJsonObject().containsKey("requestBody") || FIELDS.containsKey(verb + " " + path)) {
        List<String> fields = new ArrayList<>(FIELDS.getOrDefault(verb + " " + path, List.of()));
        fields.addAll(documentedFields(openapi, operation.asJsonObject()));
        int created = badBodies(caller, verb, realPath, fields);
        accepted.merge(verb + " " + path, created, Integer::sum);
      }
    }));
    assertTrue(operations.size() >= 45, () -> "the OpenAPI document lists only " + operations);

    // The widget API is public and not in the document; it limits requests per IP, so it gets the
    // bad strings that matter most to it rather than all of them.
    widgetStrings = true;
    Api anonymous = Widget.client(null);
    badQueries(anonymous, "GET", "/widget/v1/config?app_id=" + widget.appKey(), List.of("app_id"));
    badQueries(reading, "GET", "/widget/v1/messages", List.of("app_id", "limit", "cursor"));
    accepted.merge("POST /widget/v1/sessions", badBodies(anonymous, "POST", "/widget/v1/sessions", FIELDS.get("POST /widget/v1/sessions")), Integer::sum);
    badBodies(patching, "PATCH", "/widget/v1/session", FIELDS.get("PATCH /widget/v1/session"));
    accepted.merge("POST /widget/v1/messages", badBodies(Widget.client(visitor), "POST", "/widget/v1/messages", List.of("text")), Integer::sum);
    badBodies(eventing, "POST", "/widget/v1/events", FIELDS.get("POST /widget/v1/events"));

    assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " answers were wrong:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    String logDuring = TestServer.log().substring(logBefore.length());
    assertTrue(!logDuring.contains("\tat ") && !logDuring.contains("Unexpected error"),
        () -> "the server logged a stack trace during the corpus:\n" + logDuring.substring(0, Math.min(4_000, logDuring.length())));

    Map<String, Integer> after = counts(api, conversation.getString("id"));
    assertEquals(before.get("apps") + accepted.getOrDefault("POST /api/v1/apps", 0), after.get("apps"), () -> "apps: " + accepted);
    assertEquals(before.get("api-keys") + accepted.getOrDefault("POST /api/v1/api-keys", 0), after.get("api-keys"), () -> "api keys: " + accepted);
    assertEquals(before.get("webhooks") + accepted.getOrDefault("POST /api/v1/webhooks", 0), after.get("webhooks"), () -> "webhooks: " + accepted);
    assertEquals(before.get("members") + accepted.getOrDefault("POST /api/v1/members", 0), after.get("members"), () -> "members: " + accepted);
    assertEquals(before.get("messages") + accepted.getOrDefault("POST /api/v1/conversations/{id}/messages", 0)
        + accepted.getOrDefault("POST /widget/v1/messages", 0), after.get("messages"), () -> "messages: " + accepted);
  }

  private void badPathIds(Api api, String verb, String path) {
    if (!PATH_PARAMETER.matcher(path).find()) {
      return;
    }
    for (String bad : BAD_IDS) {
      String concrete = PATH_PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(bad));
      check(verb + " " + concrete, api.send(verb, concrete, bodyFor(verb)), Set.of(400, 404, 405, 413, 414, 422));
    }
  }

  private void badQueries(Api api, String verb, String path, List<String> names) {
    if (verb.equals("DELETE")) {
      return; // a real id in the path: a junk query must not be what deletes it
    }
    String separator = path.contains("?") ? "&" : "?";
    check(verb + " " + path + " junk", api.send(verb, path + separator + "junk%00=1", bodyFor(verb)), Set.of(422));
    for (String name : names) {
      for (String bad : BAD_QUERY_VALUES) {
        String target = path.replaceAll("([?&])" + name + "=[^&]*&?", "$1") + (path.contains("?") ? "&" : "?") + name + "=" + bad;
        check(verb + " " + target, api.send(verb, target.replace("?&", "?"), bodyFor(verb)), Set.of(200, 201, 202, 204, 400, 401, 404, 409, 422));
      }
    }
  }

  /** Returns how many of the bodies were accepted (2xx) on a collection's POST. */
  private int badBodies(Api api, String verb, String path, List<String> fields) {
    int created = 0;
    for (String body : BAD_BODIES) {
      // An empty body is no change to a PATCH (or an action without options); everything else here is refused.
      Set<Integer> expected = body.isEmpty() ? Set.of(200, 201, 202, 204, 400, 401, 404, 409, 415, 422) : Set.of(400, 401, 404, 409, 413, 415, 422);
      Api.Reply reply = api.send(verb, path, body);
      if (check(verb + " " + path + " " + abbreviated(body), reply, expected) && reply.status() == 201) {
        created++;
      }
    }
    List<String> badStrings = widgetStrings ? WIDGET_BAD_STRINGS : BAD_STRINGS;
    List<String> targets = new ArrayList<>(new LinkedHashSet<>(fields));
    if (fields.contains("user")) {
      USER_FIELDS.forEach(field -> targets.add("user." + field));
    }
    // A value may be of a type or form some field takes (an empty list, a far-off string as a name):
    // then it is accepted, and counted.
    Set<Integer> answers = Set.of(200, 201, 202, 204, 400, 401, 404, 409, 413, 422);
    for (String field : targets) {
      List<String> values = new ArrayList<>(badStrings);
      values.addAll(ODD_STRINGS);
      for (String value : values) {
        String body = field.startsWith("user.") ? "{\"user\": {\"" + field.substring(5) + "\": " + value + "}}" : "{\"" + field + "\": " + value + "}";
        Api.Reply reply = api.send(verb, path, body);
        if (check(verb + " " + path + " " + field + "=" + abbreviated(value), reply, answers) && reply.status() == 201) {
          created++;
        }
      }
    }
    return created;
  }

  /** Records a wrong answer; returns whether the request was accepted (2xx). */
  private boolean check(String what, Api.Reply reply, Set<Integer> expected) {
    requests++;
    int status = reply.status();
    // 429 is documented on every operation: the corpus's sign-ins without an email are failures
    // counted together (and, with the test database kept between runs, for 15 minutes).
    if (status >= 500 || !(expected.contains(status) || status == 429)) {
      failures.add(what + " -> " + abbreviated(reply.toString()));
      return false;
    }
    if (status >= 400) {
      String type = reply.contentType();
      JsonValue code = null;
      try {
        code = reply.json().get("code");
      } catch (RuntimeException notJson) {
        // reported below
      }
      if (type == null || !type.startsWith("application/problem+json") || !(code instanceof jakarta.json.JsonString)) {
        failures.add(what + " -> not a problem with a code: " + type + " " + abbreviated(reply.body()));
      }
      return false;
    }
    return status < 300;
  }

  private static String bodyFor(String verb) {
    return verb.equals("GET") || verb.equals("DELETE") ? null : "{}";
  }

  private static String realPath(String path, Map<String, String> byPrefix, Map<String, String> ids) {
    String real = path;
    for (Map.Entry<String, String> prefix : byPrefix.entrySet()) {
      if (real.startsWith(prefix.getKey())) {
        real = prefix.getKey().replace("{id}", prefix.getValue()) + real.substring(prefix.getKey().length());
      }
    }
    Matcher rest = PATH_PARAMETER.matcher(real);
    StringBuilder out = new StringBuilder();
    while (rest.find()) {
      rest.appendReplacement(out, Matcher.quoteReplacement(ids.getOrDefault(rest.group(1), "x")));
    }
    return rest.appendTail(out).toString();
  }

  private static List<String> parameters(JsonObject operation, String in) {
    List<String> names = new ArrayList<>();
    if (operation.containsKey("parameters")) {
      operation.getJsonArray("parameters").forEach(p -> {
        if (p.asJsonObject().getString("in").equals(in)) {
          names.add(p.asJsonObject().getString("name"));
        }
      });
    }
    return names;
  }

  private static List<String> documentedFields(JsonObject openapi, JsonObject operation) {
    if (!operation.containsKey("requestBody")) {
      return List.of();
    }
    JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
    JsonObject schema = content.values().iterator().next().asJsonObject().getJsonObject("schema");
    if (schema != null && schema.containsKey("$ref")) {
      String name = schema.getString("$ref").substring(schema.getString("$ref").lastIndexOf('/') + 1);
      schema = openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return schema != null && schema.containsKey("properties") ? List.copyOf(schema.getJsonObject("properties").keySet()) : List.of();
  }

  private static Map<String, Integer> counts(Api api, String conversationId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String list : List.of("apps", "api-keys", "webhooks", "members")) {
      counts.put(list, api.get("/api/v1/" + list + "?limit=200").json().getJsonArray("data").size());
    }
    counts.put("messages", api.get("/api/v1/conversations/" + conversationId + "/messages?limit=200").json().getJsonArray("data").size());
    return counts;
  }

  private static String abbreviated(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
  }

  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
