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
import java.util.function.Consumer;

/**
 * The widget's live connection: {@code {"type":"auth","token":"cvs_...","after":"<last message id>"}}
 * first; then {@code ready}, the messages it missed, and live updates of its own conversations.
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
  LiveClients.Client register(String token, JsonObject auth, Consumer<String> send) {
    VisitorService.VisitorIdentity visitor = visitors.identify(token);
    LiveClients.Client client = clients.visitor(visitor.organizationId(), visitor.contactId(), send);
    send.accept(JsonText.write(Map.of("type", "ready", "contact_id", visitor.contactId())));
    for (VisitorMessageView missed : visitors.messagesAfter(token, after(auth))) {
      send.accept(JsonText.write(Map.of("type", "message", "message", missed)));
    }
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
