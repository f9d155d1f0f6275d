package io.convot.web.realtime;

import io.convot.common.JsonText;
import io.convot.conversation.VisitorMessageView;
import io.convot.realtime.LiveClients;
import io.convot.widget.VisitorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.UUID;
import java.util.List;

/**
 * The widget's live connection: {@code {"type":"auth","token":"cvs_...","after":"<last message id>"}}
 * first; then {@code ready}, the messages it missed, and live updates of its own conversations,
 * until its session ends ({@code session_invalid}: the contact or the app was deleted;
 * {@code identity_verification_required}: the app now requires it and the session was not verified).
 * Visitor sessions have no expiry.
 */
@Dependent // a CDI bean, one instance per connection
@ServerEndpoint("/realtime/v1/widget")
public class WidgetLiveSocket extends LiveSocket {

  @Inject VisitorService visitors;
  @Inject LiveClients clients;

  @OnMessage
  public void onMessage(String text, Session session) {
    receive(text, session);
  }

  @OnClose
  public void onClose(Session session) {
    closed(session);
  }

  @Override
  LiveClients clients() {
    return clients;
  }

  @Override
  LiveClients.Client register(String token, JsonObject auth, LiveClients.Connection connection) {
    VisitorService.VisitorIdentity visitor = visitors.identify(token);
    LiveClients.Client client = clients.visitor(visitor.organizationId(),
        new LiveClients.Visitor(visitor.appId(), visitor.contactId(), visitor.verified()), connection);
    List<VisitorMessageView> missed;
    try {
      missed = visitors.messagesAfter(token, after(auth)); // authenticates again, now registered
    } catch (RuntimeException e) {
      clients.remove(client);
      throw e;
    }
    client.reply(JsonText.write(Map.of("type", "ready", "contact_id", visitor.contactId())));
    for (VisitorMessageView message : missed) {
      client.reply(JsonText.write(Map.of("type", "message", "message", message)));
    }
    clients.release(client); // the updates that arrived meanwhile follow
    return client;
  }

  @Override
  void onClientMessage(String token, JsonObject message) {
    if ("typing".equals(message.getString("type", null))) {
      visitors.typing(token);
    }
  }

  private static UUID after(JsonObject auth) {
    try {
      String after = auth.getString("after", null);
      return after == null ? null : UUID.fromString(after);
    } catch (IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }
}
