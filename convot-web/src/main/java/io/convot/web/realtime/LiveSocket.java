package io.convot.web.realtime;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.JsonText;
import io.convot.realtime.LiveClients;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What both live endpoints share: the first message authenticates (browsers cannot send headers on
 * a WebSocket, and a token in the URL would end up in logs), then the connection receives updates
 * until it closes, or until its credential is revoked or expires: then the server tells the client
 * why ({@code {"type":"error","code":...}}) and closes it with the policy-violation code (1008) and
 * that code as the reason.
 */
abstract class LiveSocket {

  private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());
  private static final String CLIENT = "convot.client";
  private static final String TOKEN = "convot.token";

  abstract LiveClients clients();

  /**
   * Authenticates {@code token} and registers the connection; returns the registered client. It
   * authenticates again once registered: a revocation committed in between was published before
   * the client could hear it, so only the database can tell.
   */
  abstract LiveClients.Client register(String token, JsonObject auth, LiveClients.Connection connection);

  /** A message after authentication ({@code typing}, ...). */
  abstract void onClientMessage(String token, JsonObject message);

  void receive(String text, Session session) {
    JsonObject message;
    try {
      message = JsonText.read(text).asJsonObject();
    } catch (RuntimeException e) {
      close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "send JSON objects");
      return;
    }
    String token = (String) session.getUserProperties().get(TOKEN);
    try {
      if (token == null) {
        authenticate(message, session);
      } else {
        onClientMessage(token, message);
      }
    } catch (ConvotException e) {
      if (token == null) {
        refuse(session, e.errorCode(), e.getMessage());
      } else if (session.getUserProperties().get(CLIENT) instanceof LiveClients.Client client) {
        client.reply(error(e.errorCode(), e.getMessage())); // in turn with the updates being written to it
      } else {
        send(session, error(e.errorCode(), e.getMessage()));
      }
    }
  }

  private void authenticate(JsonObject message, Session session) {
    if (!"auth".equals(message.getString("type", null)) || message.getString("token", null) == null) {
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "authenticate first: {\"type\":\"auth\",\"token\":...}");
      return;
    }
    String token = message.getString("token");
    LiveClients.Client client = register(token, message, connection(session));
    session.getUserProperties().put(TOKEN, token);
    session.getUserProperties().put(CLIENT, client);
    if (!session.isOpen()) {
      closed(session); // it closed while registering, before @OnClose could find the client
    }
  }

  void closed(Session session) {
    Object client = session.getUserProperties().remove(CLIENT);
    if (client != null) {
      clients().remove((LiveClients.Client) client);
    }
  }

  /** The connection as {@link LiveClients} writes to it: one frame at a time, from its writer threads. */
  private static LiveClients.Connection connection(Session session) {
    return new LiveClients.Connection() {
      @Override
      public void send(String json) throws IOException {
        write(session, json);
      }

      // Closing takes the session's lock as writing does: a close never cuts into a write, it waits
      // for the write to finish (for a client that does not read, until it reads or its connection dies).
      @Override
      public void close(ErrorCode reason, String detail) {
        synchronized (session) {
          refuse(session, reason, detail);
        }
      }

      @Override
      public void drop() {
        synchronized (session) {
          LiveSocket.close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "too_slow");
        }
      }
    };
  }

  private static void refuse(Session session, ErrorCode reason, String detail) {
    send(session, error(reason, detail));
    close(session, CloseReason.CloseCodes.VIOLATED_POLICY, reason.code());
  }

  private static String error(ErrorCode code, String detail) {
    return JsonText.write(Map.of("type", "error", "code", code.code(), "detail", detail));
  }

  /** A blocking write, for a connection no update is written to (not registered, or no longer). */
  static void send(Session session, String text) {
    try {
      write(session, text);
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "A live client went away", e);
    }
  }

  /** Writes {@code text} under the session's lock, the one closing takes too; fails once the connection closed. */
  private static void write(Session session, String text) throws IOException {
    if (!session.isOpen()) {
      throw new IOException("The connection closed");
    }
    synchronized (session) {
      session.getBasicRemote().sendText(text);
    }
  }

  private static void close(Session session, CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a live connection failed", e);
    }
  }
}
