package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/apps/{id}/snippet}: the embed snippet and user_hash examples, ready to paste, without the secret. */
class AppSnippetIT {

  private final Organizations.Owner owner = Organizations.signUp("Snippet Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Snippet", true);

  private JsonObject snippet(Api api) {
    Api.Reply reply = api.get("/api/v1/apps/" + app.getString("id") + "/snippet");
    assertEquals(200, reply.status(), reply::toString);
    assertFalse(reply.body().contains(app.getString("identity_secret")), "the identity secret is never in the snippet");
    return reply.json();
  }

  private static Map<String, String> examples(JsonObject snippet) {
    return snippet.getJsonObject("identity_verification").getJsonArray("backend_examples").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(e -> e.getString("language"), e -> e.getString("code")));
  }

  @Test
  void theTwoScriptTagsLoadThisAppsWidgetFromThisServer() {
    JsonObject snippet = snippet(owner.api());

    String loader = Api.BASE_URL + "/widget/v1/loader.js";
    assertEquals(app.getString("app_key"), snippet.getString("app_key"));
    assertEquals(loader, snippet.getString("loader_url"));
    assertEquals("""
        <script>
          window.Convot = window.Convot || [];
          Convot.app_id = "%s";
        </script>
        <script async src="%s"></script>
        """.formatted(app.getString("app_key"), loader), snippet.getString("html"));
    Api.Reply script = Api.anonymous().get("/widget/v1/loader.js");
    assertEquals(200, script.status(), "the snippet's loader exists");
    JsonObject verification = snippet.getJsonObject("identity_verification");
    assertTrue(verification.getBoolean("required"));
    assertEquals("CONVOT_IDENTITY_SECRET", verification.getString("secret_variable"));
    assertTrue(verification.getString("identify_html").contains("Convot.push([\"identify\""), verification::toString);
    assertEquals(List.of("node", "ruby", "php", "python"),
        verification.getJsonArray("backend_examples").getValuesAs(JsonObject.class).stream().map(e -> e.getString("language")).toList());
    examples(snippet).values().forEach(code -> assertTrue(code.contains("CONVOT_IDENTITY_SECRET"), code));
  }

  @Test
  void theNodeExampleComputesAHashTheWidgetAccepts() throws Exception {
    assumeTrue(onPath("node"), "Node.js is not installed");
    String code = examples(snippet(owner.api())).get("node");
    String externalId = "merchant-" + UUID.randomUUID();

    String hash = run(List.of("node", "-e", code + "\nprocess.stdout.write(convotUserHash(process.argv[1]));", externalId));

    assertEquals(Widget.userHash(app.getString("identity_secret"), externalId), hash);
    assertEquals(201, new Widget(app.getString("app_key")).start(
        "\"user\": {\"external_id\": \"" + externalId + "\"}, \"user_hash\": \"" + hash + "\"").status());
  }

  @Test
  void thePythonExampleComputesAHashTheWidgetAccepts() throws Exception {
    assumeTrue(onPath("python3"), "Python 3 is not installed");
    String code = examples(snippet(owner.api())).get("python");
    String email = "ann-" + UUID.randomUUID() + "@shop.test";

    String hash = run(List.of("python3", "-c", code + "\nimport sys\nprint(convot_user_hash(sys.argv[1]), end='')", email));

    assertEquals(Widget.userHash(app.getString("identity_secret"), email), hash);
    assertEquals(201, new Widget(app.getString("app_key")).start(
        "\"user\": {\"email\": \"" + email + "\"}, \"user_hash\": \"" + hash + "\"").status());
  }

  @Test
  void agentsMayReadTheSnippet() {
    Team.Joined agent = Team.join(owner, "agent");

    assertEquals(snippet(owner.api()), snippet(agent.api()));
  }

  @Test
  void unknownOrAnotherOrganizationsAppIsNotFound() {
    Organizations.Owner other = Organizations.signUp("Nosy Snippet Co");

    assertProblem(other.api().get("/api/v1/apps/" + app.getString("id") + "/snippet"), 404, "not_found");
    assertProblem(owner.api().get("/api/v1/apps/" + UUID.randomUUID() + "/snippet"), 404, "not_found");
    assertProblem(owner.api().get("/api/v1/apps/not-an-id/snippet"), 404, "not_found");
    assertProblem(Api.anonymous().get("/api/v1/apps/" + app.getString("id") + "/snippet"), 401, "unauthenticated");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Runs the example with the secret in the environment only, as the snippet tells its readers to. */
  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CONVOT_IDENTITY_SECRET", app.getString("identity_secret"));
    Process process = builder.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the example did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
