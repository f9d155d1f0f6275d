package io.convot.web.realtime;

import io.convot.access.Caller;
import io.convot.auth.AuthService;
import io.convot.common.JsonText;
import io.convot.conversation.AgentTyping;
import io.convot.realtime.LiveClients;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's live connection: {@code {"type":"auth","token":"<JWT or API key>"}} first; then
 * every live update of the organization (messages, notes, typing, assignment, status), until the
 * token is signed out, its member removed, its API key revoked, its member's password changed from
 * another token ({@code token_revoked}) or the token expires ({@code token_expired}).
 */
@Dependent // a CDI bean, one instance per connection
@ServerEndpoint("/realtime/v1/agent")
public class AgentLiveSocket extends LiveSocket {

  @Inject AuthService auth;
  @Inject AgentTyping typing;
  @Inject LiveClients clients;

  /** The authenticated caller of this connection (one endpoint instance per connection). */
  private volatile Caller caller;

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
  LiveClients.Client register(String token, JsonObject message, LiveClients.Connection connection) {
    Caller authenticated = auth.authenticateBearer(token);
    LiveClients.Client client = clients.agent(authenticated.organizationId(), new LiveClients.Credential(authenticated.memberId(),
        authenticated.credentialId(), authenticated.credentialIssuedAt(), authenticated.credentialExpiresAt()), connection);
    try {
      auth.authenticateBearer(token);
    } catch (RuntimeException e) {
      clients.remove(client);
      throw e;
    }
    caller = authenticated;
    connection.send(JsonText.write(Map.of("type", "ready", "organization_id", authenticated.organizationId())));
    return client;
  }

  @Override
  void onClientMessage(String token, JsonObject message) {
    if (caller != null && "typing".equals(message.getString("type", null))) {
      try {
        typing.typing(caller, UUID.fromString(message.getString("conversation_id", "")));
      } catch (IllegalArgumentException e) {
        // not a conversation id: nothing to show
      }
    }
  }
}
