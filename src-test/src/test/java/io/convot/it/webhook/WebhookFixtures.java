package io.convot.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.standardwebhooks.Webhook;
import io.convot.it.support.Api;
import io.convot.it.support.Receiver;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** Endpoints pointing at test receivers, and the flows that make events happen. */
final class WebhookFixtures {

  static final Duration SOON = Duration.ofSeconds(20);

  private WebhookFixtures() {}

  /** Creates an endpoint; the answer (with its one-time secret) is returned. */
  static JsonObject endpoint(Api api, String url, List<String> events, List<String> appIds) {
    JsonArrayBuilder eventArray = Json.createArrayBuilder();
    events.forEach(eventArray::add);
    JsonArrayBuilder appArray = Json.createArrayBuilder();
    appIds.forEach(appArray::add);
    Api.Reply reply = api.post("/api/v1/webhooks", Json.createObjectBuilder().add("url", url)
        .add("events", eventArray).add("app_ids", appArray).add("description", "test receiver").build().toString());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  static JsonObject endpoint(Api api, String url) {
    return endpoint(api, url, List.of(), List.of());
  }

  /** Verifies a request with the independent Standard Webhooks library; throws when it does not verify. */
  static void verify(String secret, Receiver.Request request) throws Exception {
    new Webhook(secret).verify(request.body(), request.headers());
  }

  /** A visitor writes: contact.created, contact.identified, conversation.created, message.received. Returns the session token. */
  static String visitorWrites(Widget widget, String text) {
    String token = widget.session("");
    Widget.client(token).patch("/widget/v1/session", "{\"user\": {\"email\": \"ann@shop.test\"}}");
    Widget.send(token, text);
    return token;
  }
}
