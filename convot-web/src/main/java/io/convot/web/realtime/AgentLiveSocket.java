package io.convot.web.realtime;

import io.convot.access.Caller;
import io.convot.auth.AuthService;
import io.convot.availability.Presence;
import io.convot.common.Timestamps;
import io.convot.conversation.AgentCatchUp;
import io.convot.conversation.AgentTyping;
import io.convot.realtime.LiveClients;
import io.convot.realtime.LiveCursor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's live connection: {@code {"type":"auth","token":"<JWT or API key>"}} first; then
 * {@code ready} and every live update of the organization (messages, notes, typing, assignment,
 * status), until the token is signed out, its member removed, its API key revoked, its member's
 * password changed from another token ({@code token_revoked}) or the token expires
 * ({@code token_expired}).
 *
 * <p>{@code ready} and every update but typing carry a {@code cursor}. A dashboard that reconnects
 * sends the last one it saw as {@code "after"}; after {@code ready} it then gets what it missed,
 * oldest first ({@code message} and {@code conversation} frames, see {@link AgentCatchUp}), then
 * {@code {"type":"caught_up","cursor":...}}, and only then the updates that arrived meanwhile. When
 * the cursor cannot be read, is older than a day or more than 500 changes behind, it gets
 * {@code {"type":"resync","cursor":...}} instead and reloads its lists.
 */
@Dependent // a CDI bean, one instance per connection
@ServerEndpoint("/realtime/v1/agent")
public class AgentLiveSocket extends LiveSocket {

  private static final Logger LOG = Logger.getLogger(AgentLiveSocket.class.getName());

  @Inject AuthService auth;
  @Inject AgentTyping typing;
  @Inject AgentCatchUp catchUp;
  @Inject LiveClients clients;
  @Inject Presence presence;

  /** The authenticated caller of this connection (one endpoint instance per connection). */
  private volatile Caller caller;

  /** This connection's presence row: a member's open dashboard makes their apps available. */
  private volatile UUID presenceId;

  @OnMessage
  public void onMessage(String text, Session session) {
    receive(text, session);
  }

  @OnClose
  public void onClose(Session session) {
    closed(session);
  }

  /** Also ends the connection's presence (when it closed while registering, the register path calls this once done). */
  @Override
  void closed(Session session) {
    super.closed(session);
    UUID present = presenceId;
    presenceId = null;
    if (present != null) {
      try {
        presence.disconnected(caller.organizationId(), present);
        presence.announce(caller.organizationId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A closed dashboard's presence could not be removed; it lapses with the presence timeout", e);
      }
    }
  }

  @Override
  LiveClients clients() {
    return clients;
  }

  @Override
  LiveClients.Client register(String token, JsonObject message, LiveClients.Connection connection) {
    Caller authenticated = auth.authenticateBearer(token);
    // Before registering: every update that reaches this server from now on reaches this connection.
    Instant now = Timestamps.now();
    JsonValue after = message.get("after");
    LiveClients.Client client = clients.agent(authenticated.organizationId(), new LiveClients.Credential(authenticated.memberId(),
        authenticated.credentialId(), authenticated.credentialIssuedAt(), authenticated.credentialExpiresAt()), connection);
    try {
      auth.authenticateBearer(token);
    } catch (RuntimeException e) {
      clients.remove(client);
      throw e;
    }
    caller = authenticated;
    try {
      if (authenticated.memberId() != null) {
        presenceId = presence.connected(authenticated.organizationId(), authenticated.memberId());
        presence.announce(authenticated.organizationId());
      }
      if (after == null || after == JsonValue.NULL) {
        client.reply(ready(authenticated, now));
      } else {
        catchUp(authenticated, after, now, client);
      }
    } finally {
      clients.release(client); // the updates that arrived meanwhile follow
    }
    return client;
  }

  /** {@code ready} keeps the client's own cursor until {@code caught_up}: a client that drops mid-way loses nothing. */
  private void catchUp(Caller authenticated, JsonValue after, Instant now, LiveClients.Client client) {
    Optional<Instant> since = (after instanceof JsonString cursor ? LiveCursor.read(cursor.getString()) : Optional.<Instant>empty())
        .filter(time -> AgentCatchUp.canReplay(time, now));
    client.reply(ready(authenticated, since.orElse(now)));
    Optional<List<String>> missed = since.flatMap(time -> missedSince(authenticated, time));
    if (missed.isEmpty()) {
      client.reply(position("resync", now));
      return;
    }
    missed.get().forEach(client::reply);
    client.reply(position("caught_up", now));
  }

  private Optional<List<String>> missedSince(Caller authenticated, Instant since) {
    try {
      return catchUp.since(authenticated, since);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A dashboard's catch-up failed; it is told to reload its lists instead", e);
      return Optional.empty();
    }
  }

  private static String ready(Caller authenticated, Instant position) {
    return Json.createObjectBuilder().add("type", "ready").add("organization_id", authenticated.organizationId().toString())
        .add("cursor", LiveCursor.at(position)).build().toString();
  }

  private static String position(String type, Instant position) {
    return Json.createObjectBuilder().add("type", type).add("cursor", LiveCursor.at(position)).build().toString();
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
