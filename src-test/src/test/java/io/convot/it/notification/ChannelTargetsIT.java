package io.convot.it.notification;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Slack or Discord URL is checked as webhook URLs are, under the same operator settings: on a
 * server with the defaults (one of the two cluster nodes), a URL that leads inside the network, or
 * plain http, is refused when the channel is saved, and nothing is stored.
 */
class ChannelTargetsIT {

  private static final String DEFAULTS_SERVER = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");

  private static final List<String> FORBIDDEN = List.of(
      "https://127.0.0.1/services/T0/B0/x", "https://localhost/services/T0/B0/x", "https://10.0.0.1/api/webhooks/1/x",
      "https://192.168.1.1/hooks", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hooks",
      "https://[::1]/hooks", "https://[fc00::1]/hooks", "https://[::ffff:127.0.0.1]/hooks", "https://2130706433/hooks");

  @Test
  void refusesEveryPrivateUrlWhenSavedAndStoresNothing() {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(DEFAULTS_SERVER), "Guarded Channels Co");
    Api api = owner.api().on(DEFAULTS_SERVER);

    for (String url : FORBIDDEN) {
      for (String kind : List.of("slack", "discord")) {
        var problem = assertProblem(api.post("/api/v1/notification-channels", Json.createObjectBuilder().add("kind", kind).add("url", url)
            .add("events", Json.createArrayBuilder().add("message.received")).build().toString()), 422, "validation_failed");
        String errors = problem.getJsonArray("errors").toString();
        assertTrue(errors.contains("\"url\"") && errors.contains("forbidden_target"), () -> url + " was not refused as a forbidden target: " + problem);
      }
    }
    assertProblem(api.post("/api/v1/notification-channels",
        "{\"kind\": \"slack\", \"url\": \"http://hooks.slack.test/services/x\", \"events\": [\"message.received\"]}"), 422, "validation_failed");
    assertEquals(0, api.get("/api/v1/notification-channels").json().getJsonArray("data").size());
  }
}
