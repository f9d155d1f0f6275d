package io.convot.it.cluster;

import static io.convot.it.support.LiveClient.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ExternalBroker;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The external broker goes away and comes back while both servers run: meanwhile they say so
 * quickly (not ready, changes refused with a 503 within seconds), and afterwards they recover by
 * themselves, live updates between the servers included.
 */
class BrokerOutageIT {

  private static final String SERVER_A = System.getProperty("convot.test.cluster.node-a-url", "http://localhost:9281");
  private static final String SERVER_B = System.getProperty("convot.test.cluster.node-b-url", "http://localhost:9381");
  /** Before the fix a request waited a minute for a broker that was gone. */
  private static final Duration QUICK_ANSWER = Duration.ofSeconds(10);
  private static final Duration NOTICED = Duration.ofSeconds(30);
  private static final Duration RECOVERED = Duration.ofSeconds(60);

  private static String text(String text) {
    return Json.createObjectBuilder().add("text", text).build().toString();
  }

  private static String brokerStatus(Api.Reply readiness) {
    return readiness.json().getJsonArray("checks").stream().map(check -> check.asJsonObject())
        .filter(check -> "broker".equals(check.getString("name"))).map(check -> check.getString("status"))
        .findFirst().orElse(null);
  }

  /** Calls {@code request} until {@code done} holds, failing after {@code deadline}; every answer must come quickly. */
  private static Api.Reply until(Supplier<Api.Reply> request, Predicate<Api.Reply> done, Duration deadline, String what) {
    long end = System.nanoTime() + deadline.toNanos();
    Api.Reply last = null;
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      last = request.get();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(QUICK_ANSWER) < 0, what + ": an answer took " + took + ": " + last);
      if (done.test(last)) {
        return last;
      }
    }
    throw new AssertionError(what + " did not happen within " + deadline + "; last answer: " + last);
  }

  @Test
  void whileTheBrokerIsAwayServersSayItQuicklyAndAfterwardsRecoverByThemselves() throws Exception {
    Organizations.Owner owner = Organizations.signUp(Api.anonymous().on(SERVER_B), "Outage Co");
    Widget widget = new Widget(Widget.createApp(owner.api().on(SERVER_B), "Outage", false).getString("app_key"));
    String session = widget.on(SERVER_A).session("");
    Api visitorOnA = Widget.client(session).on(SERVER_A);
    assertEquals(201, visitorOnA.post("/widget/v1/messages", text("before the outage")).status());

    ExternalBroker.stop();
    try {
      for (String server : List.of(SERVER_A, SERVER_B)) {
        Api.Reply notReady = until(() -> Api.anonymous().on(server).get("/health/ready"),
            reply -> reply.status() == 503 && "DOWN".equals(brokerStatus(reply)), NOTICED, server + " not ready");
        assertEquals("DOWN", notReady.string("status"), notReady::toString);
      }

      Api.Reply refused = until(() -> visitorOnA.post("/widget/v1/messages", text("while the broker is away")),
          reply -> true, NOTICED, "a change");
      assertEquals(503, refused.status(), refused::toString);
      assertEquals("unavailable", refused.string("code"), refused::toString);
      assertNotNull(refused.header("Retry-After"), refused::toString);
      // Reading needs no broker, and the refused change left nothing behind.
      Api.Reply history = Widget.client(session).on(SERVER_B).get("/widget/v1/messages");
      assertEquals(200, history.status(), history::toString);
      assertTrue(history.body().contains("before the outage"), history::toString);
      assertFalse(history.body().contains("while the broker is away"), history::toString);
    } finally {
      ExternalBroker.relaunch();
    }

    for (String server : List.of(SERVER_A, SERVER_B)) {
      until(() -> Api.anonymous().on(server).get("/health/ready"), reply -> reply.status() == 200, RECOVERED, server + " ready again");
    }
    assertEquals(201, visitorOnA.post("/widget/v1/messages", text("after the outage")).status());

    // Server B's listener subscribes again by itself: live updates from A reach B's agents again.
    JsonObject auth = Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build();
    try (LiveClient agentOnB = LiveClient.connect(SERVER_B, "/realtime/v1/agent", auth)) {
      agentOnB.await(ofType("ready"), Duration.ofSeconds(10));
      Predicate<JsonObject> liveFromA = message -> "message".equals(message.getString("type", null))
          && message.getJsonObject("message").getString("text", "").startsWith("live again ");
      long end = System.nanoTime() + RECOVERED.toNanos();
      int attempt = 0;
      boolean arrived = false;
      while (!arrived && System.nanoTime() < end) {
        assertEquals(201, visitorOnA.post("/widget/v1/messages", text("live again " + ++attempt)).status());
        arrived = agentOnB.receives(liveFromA, Duration.ofSeconds(2));
      }
      int sent = attempt;
      assertTrue(arrived, () -> "no live update from server A reached server B within " + RECOVERED + " (" + sent + " sent)");
    }
  }
}
