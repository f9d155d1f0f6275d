package io.convot.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks stop while an organization is cancelled, and for a deleted app's events: a delivery
 * retrying at the moment of the cancellation (or deletion) is given up, not sent again; the
 * receiver hears nothing more. (The test server retries every second.)
 */
class WebhooksWhileCancelledIT {

  private static final Duration SOON = Duration.ofSeconds(20);
  /** Four retries' time on the test server: long enough to see that no retry comes. */
  private static final Duration QUIET = Duration.ofSeconds(4);

  private final Receiver receiver = receiver();
  private final Organizations.Owner owner = Organizations.signUp("Hooked Co");

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void aRetryingDeliveryIsGivenUpOnceTheOrganizationIsCancelled() {
    String endpoint = failingEndpoint();
    JsonObject app = Widget.createApp(owner.api(), "Shop", false);
    assertEquals(201, Widget.send(new Widget(app.getString("app_key")).session(""), "hello").status());
    receiver.await(request -> true, 2, SOON);

    assertEquals(200, owner.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());

    assertNoMoreRequests();
    JsonObject delivery = onlyDelivery(endpoint);
    assertEquals("failed", delivery.getString("status"));
  }

  @Test
  void aDeletedAppsEventsAreNoLongerDelivered() {
    String endpoint = failingEndpoint();
    JsonObject app = Widget.createApp(owner.api(), "Shop", false);
    assertEquals(201, Widget.send(new Widget(app.getString("app_key")).session(""), "hello").status());
    receiver.await(request -> true, 2, SOON);

    assertEquals(204, owner.api().delete("/api/v1/apps/" + app.getString("id")).status());

    assertNoMoreRequests();
    assertEquals("failed", onlyDelivery(endpoint).getString("status"));
  }

  private String failingEndpoint() {
    receiver.otherwise(Answer.of(500));
    Api.Reply created = owner.api().post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"message.received\"]}");
    assertEquals(201, created.status(), created::toString);
    return created.string("id");
  }

  /** After an attempt possibly in flight when the change committed, nothing arrives for four retry intervals. */
  private void assertNoMoreRequests() {
    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
    int seen = receiver.requests().size();
    LockSupport.parkNanos(QUIET.toNanos());
    assertEquals(seen, receiver.requests().size(), "the receiver heard more after the webhooks stopped");
  }

  private JsonObject onlyDelivery(String endpoint) {
    List<JsonObject> deliveries = Eventually.await(
        () -> owner.api().get("/api/v1/webhooks/" + endpoint + "/deliveries").json().getJsonArray("data").getValuesAs(JsonObject.class),
        found -> found.size() == 1 && !"pending".equals(found.get(0).getString("status")), SOON, "the delivery settled");
    return deliveries.get(0);
  }

  private static Receiver receiver() {
    try {
      return new Receiver();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
