package io.convot.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** An organization's team, an endpoint pointing at a test receiver, and the events that reach it. */
final class OwnerMailFixtures {

  static final Duration SOON = Duration.ofSeconds(30);

  private OwnerMailFixtures() {}

  /** Invites a member with this role (who has not accepted yet); returns their address. */
  static String invite(Organizations.Owner owner, String role) {
    String email = Organizations.uniqueEmail(role);
    Api.Reply invited = owner.api().post("/api/v1/members", "{\"email\": \"%s\", \"role\": \"%s\"}".formatted(email, role));
    assertEquals(201, invited.status(), invited::toString);
    return email;
  }

  /** Invites a member with this role and accepts for them: an active member. Returns their address. */
  static String activeMember(Organizations.Owner owner, String role) {
    String email = Organizations.uniqueEmail(role);
    Api.Reply invited = owner.api().post("/api/v1/members", "{\"email\": \"%s\", \"role\": \"%s\"}".formatted(email, role));
    assertEquals(201, invited.status(), invited::toString);
    String url = invited.json().getJsonObject("invitation").getString("url");
    Api.Reply accepted = Api.anonymous().post("/api/v1/invitations/" + url.substring(url.lastIndexOf('/') + 1) + "/accept",
        "{\"name\": \"A %s\", \"password\": \"%s\"}".formatted(role, Organizations.PASSWORD));
    assertEquals(200, accepted.status(), accepted::toString);
    quiet(Api.withToken(accepted.json().getString("token")));
    return email;
  }

  /**
   * Turns off the member's mail about conversations, so that the only mail they can get here is
   * the notice under test (a visitor writing would otherwise mail them the new conversation).
   */
  static Organizations.Owner quiet(Organizations.Owner owner) {
    quiet(owner.api());
    return owner;
  }

  private static void quiet(Api member) {
    Api.Reply quiet = member.patch("/api/v1/me/notifications", "{\"new_conversation\": \"none\", \"new_message\": \"none\"}");
    assertEquals(200, quiet.status(), quiet::toString);
  }

  static JsonObject endpoint(Api api, String url, String description, List<String> events) {
    JsonArrayBuilder eventArray = Json.createArrayBuilder();
    events.forEach(eventArray::add);
    Api.Reply reply = api.post("/api/v1/webhooks", Json.createObjectBuilder().add("url", url).add("events", eventArray)
        .add("description", description).build().toString());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  /** A visitor identifies and writes: four events (contact created and identified, conversation created, message received). */
  static void visitorWrites(Api owner, String text) {
    Widget widget = new Widget(Widget.createApp(owner, "Shop", false).getString("app_key"));
    String token = widget.session("");
    Widget.client(token).patch("/widget/v1/session", "{\"user\": {\"email\": \"ann@shop.test\"}}");
    Widget.send(token, text);
  }

  static JsonObject awaitEndpoint(Api api, String id, boolean active) {
    return Eventually.await(() -> api.get("/api/v1/webhooks/" + id).json(), endpoint -> endpoint.getBoolean("active") == active,
        SOON, "the endpoint becoming " + (active ? "active" : "inactive"));
  }

  /** Waits until {@code count} deliveries of the endpoint are failed and none pending any more. */
  static List<JsonObject> awaitFailedDeliveries(Api api, String endpointId, int count) {
    return Eventually.await(() -> api.get("/api/v1/webhooks/" + endpointId + "/deliveries?status=failed").json()
        .getJsonArray("data").getValuesAs(JsonObject.class), found -> found.size() == count, SOON, count + " failed deliveries");
  }

  static Receiver receiver() {
    try {
      return new Receiver();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
