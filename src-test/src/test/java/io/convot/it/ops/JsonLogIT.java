package io.convot.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The test server writes its console as {@code CONVOT_LOG_FORMAT=json} does ({@code console.log}): one JSON object a
 * line once the configuration is read, and a line logged while a request is served carries its request id.
 */
class JsonLogIT {

  private static final Path CONSOLE = TestServer.directory().resolve("logs/console.log");
  private static final Pattern JVM_WARNING = Pattern.compile("^(OpenJDK|Java HotSpot).* VM warning: .*");

  @Test
  void aLineLoggedDuringARequestCarriesItsRequestId() {
    String requestId = "it-json-" + UUID.randomUUID();

    Api.Reply reply = Api.anonymous().header("X-Request-Id", requestId).post("/api/v1/sample", "");
    assertEquals(201, reply.status(), reply::toString);
    String organizationId = reply.json().getString("organization_id");

    JsonObject line = Eventually.await(() -> lines().stream()
            .filter(json -> json.getString("message", "").contains("Sample organization " + organizationId)).findFirst(),
        found -> found.isPresent(), Duration.ofSeconds(10), "the sample's log line in console.log").orElseThrow();
    assertEquals(requestId, line.getString("ext_requestId"), line::toString);
    assertEquals("liberty_message", line.getString("type"));
    assertEquals("INFO", line.getString("loglevel"));
    assertEquals("io.convot.sample.SampleData", line.getString("module"));
    assertFalse(line.getString("ibm_datetime").isBlank());
  }

  @Test
  void everyLineAfterTheConfigurationIsReadIsAJsonObject() {
    Api.anonymous().get("/health/ready");
    List<String> raw = rawLines();
    int first = firstJsonLine(raw);
    assertTrue(first >= 0 && first < 20, "JSON from the first lines on: " + raw.subList(0, Math.min(20, raw.size())));
    List<String> notJson = new ArrayList<>();
    for (String text : raw.subList(first, raw.size())) {
      if (JVM_WARNING.matcher(text).matches()) {
        continue; // written by the JVM itself to the process's output, not through any logger
      }
      try {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        assertTrue(json.containsKey("type") && json.containsKey("ibm_datetime"), text);
      } catch (JsonParsingException | ClassCastException e) {
        notJson.add(text);
      }
    }
    assertTrue(notJson.isEmpty(), () -> notJson.size() + " lines are not JSON: " + notJson.subList(0, Math.min(5, notJson.size())));
    assertTrue(raw.size() - first > 20, "the server logged lines as JSON: " + (raw.size() - first));
    assertTrue(lines().stream().anyMatch(json -> json.getString("message", "").contains("Convot dashboard: " + Api.BASE_URL + "/app/")),
        "the start-up lines are there too");
  }

  private static int firstJsonLine(List<String> raw) {
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).startsWith("{")) {
        return i;
      }
    }
    return -1;
  }

  private static List<JsonObject> lines() {
    List<String> raw = rawLines();
    int first = Math.max(0, firstJsonLine(raw));
    return raw.subList(first, raw.size()).stream().filter(text -> text.startsWith("{"))
        .map(text -> Json.createReader(new StringReader(text)).readObject()).toList();
  }

  private static List<String> rawLines() {
    try {
      // The last line may be half written while the server logs.
      List<String> all = Files.readAllLines(CONSOLE);
      return all.isEmpty() || all.get(all.size() - 1).endsWith("}") ? all : all.subList(0, all.size() - 1);
    } catch (IOException e) {
      throw new IllegalStateException("console.log could not be read", e);
    }
  }
}
