package io.convot.it.webhook;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSRF protection as an operator gets it by default (private targets and http not allowed): on
 * such a server (one of the two cluster nodes), a URL that leads inside the network is refused
 * when the endpoint is saved, and nothing is stored.
 */
class WebhookTargetsIT {

  private static final String DEFAULTS_SERVER = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");

  private static final List<String> FORBIDDEN = List.of(
      "https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.0.0.1/hooks", "https://172.16.5.4/hooks",
      "https://192.168.1.1/hooks", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hooks",
      "https://0.0.0.0/hooks", "https://[::1]/hooks", "https://[fc00::1]/hooks", "https://[fe80::1]/hooks",
      "https://[::ffff:127.0.0.1]/hooks", "https://2130706433/hooks");

  @Test
  void refusesEveryPrivateTargetWhenSavedAndStoresNothing() {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(DEFAULTS_SERVER), "Guarded Co");
    Api api = owner.api().on(DEFAULTS_SERVER);

    for (String url : FORBIDDEN) {
      var problem = assertProblem(api.post("/api/v1/webhooks", Json.createObjectBuilder().add("url", url).build().toString()),
          422, "validation_failed");
      String codes = problem.getJsonArray("errors").toString();
      assertTrue(codes.contains("\"url\"") && codes.contains("forbidden_target"), () -> url + " was not refused as a forbidden target: " + problem);
    }
    assertProblem(api.post("/api/v1/webhooks", "{\"url\": \"http://hooks.example.test/in\"}"), 422, "validation_failed");

    assertEquals(0, api.get("/api/v1/webhooks").json().getJsonArray("data").size());
  }
}
