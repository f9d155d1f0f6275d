package io.convot.realtime;

import io.convot.common.ErrorCode;
import io.convot.common.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live clients connected to this server: agents by organization, visitors by contact. The
 * WebSocket endpoints register them; the topic listener delivers updates to them and closes those
 * whose credentials were revoked; an agent's connection also closes when its token expires.
 */
@ApplicationScoped
public class LiveClients {

  /** A client's end of its connection. */
  public interface Connection {
    void send(String json);

    /** Tells the client why ({@code {"type":"error","code":...}}) and closes the connection with that code as reason. */
    void close(ErrorCode reason, String detail);
  }

  /**
   * What an agent's connection was opened with: the member ({@code null} for an API key), the
   * credential's id (a JWT's {@code jti}, an API key's id), and when the token was issued and
   * expires ({@code null} for an API key).
   */
  public record Credential(UUID memberId, String id, Instant issuedAt, Instant expiresAt) {}

  /** Whose a visitor's connection is: the app, the contact, and whether the session was verified when it connected. */
  public record Visitor(UUID appId, UUID contactId, boolean verified) {}

  /** A connected client. Identity matters: two connections of one member are two clients. */
  public static final class Client {
    private final UUID organizationId;
    private final Credential credential;
    private final Visitor visitor;
    private final Connection connection;
    private volatile ScheduledFuture<?> expiry;
    /** Updates that arrive while the client catches up, sent after it (guarded by this client). */
    private List<String> held;

    private Client(UUID organizationId, Credential credential, Visitor visitor, Connection connection, boolean holding) {
      this.organizationId = organizationId;
      this.credential = credential;
      this.visitor = visitor;
      this.connection = connection;
      this.held = holding ? new ArrayList<>() : null;
    }

    boolean isVisitor() {
      return visitor != null;
    }

    /** Sends under this client's lock, so that what was held goes out first and in order. */
    private synchronized void send(String frame) {
      if (held != null) {
        held.add(frame);
      } else {
        connection.send(frame);
      }
    }

    private synchronized void release() {
      if (held != null) {
        held.forEach(connection::send);
        held = null;
      }
    }
  }

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  /**
   * Closes connections at their token's expiry, to the second, with no traffic needed. One thread
   * suffices: a task only closes a socket.
   */
  private ScheduledThreadPoolExecutor expiries;

  /**
   * An agent's connection. One that first catches up ({@code holding}) has the updates delivered to
   * it held until {@link #release}, so that they follow the catch-up rather than cut into it.
   */
  public Client agent(UUID organizationId, Credential credential, Connection connection, boolean holding) {
    Client client = new Client(organizationId, credential, null, connection, holding);
    clients.add(client);
    if (credential.expiresAt() != null) {
      long delay = Math.max(0, Duration.between(Instant.now(), credential.expiresAt()).toMillis());
      client.expiry = expiries.schedule(() -> end(client, ErrorCode.TOKEN_EXPIRED, "The token expired; sign in again"),
          delay, TimeUnit.MILLISECONDS);
      if (!clients.contains(client)) {
        client.expiry.cancel(false); // closed meanwhile: nothing left to expire
      }
    }
    return client;
  }

  public Client visitor(UUID organizationId, Visitor visitor, Connection connection) {
    Client client = new Client(organizationId, null, visitor, connection, false);
    clients.add(client);
    return client;
  }

  /** Forgets a client whose connection closed; returns whether it was still registered. */
  public boolean remove(Client client) {
    boolean removed = clients.remove(client);
    ScheduledFuture<?> expiry = client.expiry;
    if (expiry != null) {
      expiry.cancel(false);
    }
    return removed;
  }

  /** Sends what a catch-up held back, then lets updates through as they come. */
  public void release(Client client) {
    client.release();
  }

  /**
   * Hands an update to this organization's clients. Agents get it with a cursor (but for an
   * ephemeral one): the time it reached this server, one for all its connections.
   */
  public void deliver(LiveEvent event) {
    if (event.revocation() != null) {
      revoke(event.organizationId(), event.revocation());
      return;
    }
    String agentFrame = null;
    for (Client client : clients) {
      if (!client.organizationId.equals(event.organizationId())) {
        continue;
      }
      if (!client.isVisitor()) {
        if (agentFrame == null) {
          agentFrame = event.ephemeral() ? event.payload() : LiveCursor.stamp(event.payload(), LiveCursor.at(Timestamps.now()));
        }
        client.send(agentFrame);
      } else if (event.reachesVisitor() && client.visitor.contactId().equals(event.contactId())) {
        client.send(event.visitorPayload());
      }
    }
  }

  /** Hands an announcement to every visitor of the app connected here (their availability, ...). */
  public void announce(UUID organizationId, UUID appId, String frame) {
    for (Client client : clients) {
      if (client.isVisitor() && client.organizationId.equals(organizationId) && client.visitor.appId().equals(appId)) {
        client.send(frame);
      }
    }
  }

  private void revoke(UUID organizationId, Revocation revocation) {
    for (Client client : clients) {
      if (!client.organizationId.equals(organizationId)) {
        continue;
      }
      if (client.isVisitor() ? revocation.ends(client.visitor) : revocation.ends(client.credential)) {
        if (client.isVisitor()) {
          end(client, revocation.visitorReason(), "The session no longer grants access; start a new one");
        } else {
          end(client, ErrorCode.TOKEN_REVOKED, "This token no longer grants access");
        }
      }
    }
  }

  private void end(Client client, ErrorCode reason, String detail) {
    if (remove(client)) {
      client.connection.close(reason, detail);
    }
  }

  @PostConstruct
  void start() {
    expiries = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "convot-live-expiry");
      thread.setDaemon(true);
      return thread;
    });
    expiries.setRemoveOnCancelPolicy(true); // a 60-day token's task leaves with its connection
  }

  @PreDestroy
  void stop() {
    expiries.shutdownNow();
  }
}
