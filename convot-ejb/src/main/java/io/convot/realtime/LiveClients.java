package io.convot.realtime;

import io.convot.common.ErrorCode;
import io.convot.common.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live clients connected to this server: agents by organization, visitors by contact. The
 * WebSocket endpoints register them; the topic listener delivers updates to them and closes those
 * whose credentials were revoked; an agent's connection also closes when its token expires.
 *
 * <p>Nothing that delivers updates waits on a client. Each client has its own queue of frames,
 * written in order by one of a few writer threads at a time, so one slow or stalled connection
 * delays only itself: the listener that hands updates to every client of the server only queues
 * them. A client one of whose writes has not finished for {@link #STALLED} (checked every few
 * seconds, traffic or not), or with more than {@value #MAX_QUEUED} frames waiting, is dropped (close
 * code 1013, "try again later"): it reconnects and catches up from its last frame, as after any cut.
 */
@ApplicationScoped
public class LiveClients {

  private static final Logger LOG = Logger.getLogger(LiveClients.class.getName());

  /** Frames a client may have waiting before it counts as too slow to follow. */
  static final int MAX_QUEUED = 5_000;

  /** How long one write may take before its client counts as gone. */
  static final Duration STALLED = Duration.ofSeconds(15);

  /** A client's end of its connection. */
  public interface Connection {
    /** Writes {@code json}, returning once it is written; throws when the connection failed. */
    void send(String json) throws IOException;

    /** Tells the client why ({@code {"type":"error","code":...}}) and closes the connection with that code as reason. */
    void close(ErrorCode reason, String detail);

    /** Closes a connection that cannot keep up (1013): the client reconnects and catches up. */
    void drop();
  }

  /**
   * What an agent's connection was opened with: the member ({@code null} for an API key), the
   * credential's id (a JWT's {@code jti}, an API key's id), and when the token was issued and
   * expires ({@code null} for an API key).
   */
  public record Credential(UUID memberId, String id, Instant issuedAt, Instant expiresAt) {}

  /** Whose a visitor's connection is: the app, the contact, and whether the session was verified when it connected. */
  public record Visitor(UUID appId, UUID contactId, boolean verified) {}

  /**
   * A connected client. Identity matters: two connections of one member are two clients. It starts
   * by holding the updates delivered to it until {@link LiveClients#release}: the frames its endpoint
   * sends first ({@code ready}, what it missed) go out before them, in order.
   */
  public final class Client {
    private final UUID organizationId;
    private final Credential credential;
    private final Visitor visitor;
    private final Connection connection;
    private volatile ScheduledFuture<?> expiry;

    // Guarded by this client.
    private List<String> held = new ArrayList<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing;
    /** When the write in progress began ({@link System#nanoTime}); 0 between writes. */
    private long writeStarted;
    private boolean ended;

    private Client(UUID organizationId, Credential credential, Visitor visitor, Connection connection) {
      this.organizationId = organizationId;
      this.credential = credential;
      this.visitor = visitor;
      this.connection = connection;
    }

    boolean isVisitor() {
      return visitor != null;
    }

    /** A frame of the endpoint's own ({@code ready}, a catch-up, an error): never held. */
    public void reply(String frame) {
      offer(frame, false);
    }

    private void offer(String frame, boolean update) {
      boolean start = false;
      boolean slow;
      synchronized (this) {
        if (ended) {
          return;
        }
        if (update && held != null) {
          held.add(frame);
          return;
        }
        slow = queue.size() >= MAX_QUEUED || stalledAt(System.nanoTime());
        if (slow) {
          ended = true;
        } else {
          queue.add(frame);
          start = !writing;
          writing = true;
        }
      }
      if (start) {
        writers.execute(this::write);
      } else if (slow) {
        drop(this, "could not keep up (" + MAX_QUEUED + " frames waiting, or a write stalled for " + STALLED.toSeconds() + " s)");
      }
    }

    private void release() {
      boolean start = false;
      boolean slow = false;
      synchronized (this) {
        List<String> waiting = held;
        held = null;
        if (waiting == null || waiting.isEmpty() || ended) {
          return;
        }
        if (queue.size() + waiting.size() > MAX_QUEUED) {
          slow = true;
          ended = true;
        } else {
          queue.addAll(waiting);
          start = !writing;
          writing = true;
        }
      }
      if (start) {
        writers.execute(this::write);
      } else if (slow) {
        drop(this, "had more than " + MAX_QUEUED + " updates waiting after its catch-up");
      }
    }

    /**
     * Writes what is queued, one frame after the other, on a writer thread; after {@value #BATCH}
     * frames it yields its thread to the other clients and carries on behind them.
     */
    private void write() {
      for (int written = 0; written < BATCH; written++) {
        String next;
        synchronized (this) {
          next = ended ? null : queue.poll();
          if (next == null) {
            writing = false;
            return;
          }
          writeStarted = System.nanoTime();
        }
        try {
          connection.send(next);
        } catch (IOException | RuntimeException e) {
          broken(e);
          return;
        } finally {
          synchronized (this) {
            writeStarted = 0;
          }
        }
      }
      writers.execute(this::write);
    }

    /** A write failed: the connection is gone or unusable; closing it lets a live client reconnect. */
    private void broken(Throwable failure) {
      LOG.log(Level.FINE, "A live client went away", failure);
      synchronized (this) {
        ended = true;
        writing = false;
      }
      if (remove(this)) {
        closeApart(connection::drop);
      }
    }

    /** Whether a write began more than {@link #STALLED} before {@code now} and has not finished. */
    private synchronized boolean stalledAt(long now) {
      return writeStarted != 0 && now - writeStarted > STALLED.toNanos();
    }

    private synchronized void end() {
      ended = true;
      queue.clear();
      held = null;
    }
  }

  /** Agents by organization, visitors by organization (for revocations) and by contact (for updates). */
  private final Map<UUID, Set<Client>> agents = new ConcurrentHashMap<>();
  private final Map<UUID, Set<Client>> visitorsByOrganization = new ConcurrentHashMap<>();
  private final Map<UUID, Set<Client>> visitorsByContact = new ConcurrentHashMap<>();

  /**
   * Closes connections at their token's expiry, to the second, with no traffic needed, and closes
   * the connections that are revoked or too slow, away from the thread that delivers updates.
   */
  private ScheduledThreadPoolExecutor closer;

  /**
   * The threads that write to the clients, each draining one client's queue at a time. Writes are
   * synchronous (on loopback or a fast network a frame is written in microseconds, without the
   * hand-off an asynchronous completion needs); a client that stops reading holds one of them until
   * it is found stalled and closed, the others go on.
   */
  private ExecutorService writers;

  /** Frames one client writes before its writer thread turns to the next client. */
  static final int BATCH = 64;
  private static final int WRITER_THREADS = 16;

  /** An agent's connection, holding updates until {@link #release}. */
  public Client agent(UUID organizationId, Credential credential, Connection connection) {
    Client client = new Client(organizationId, credential, null, connection);
    add(agents, organizationId, client);
    if (credential.expiresAt() != null) {
      long delay = Math.max(0, Duration.between(Instant.now(), credential.expiresAt()).toMillis());
      client.expiry = closer.schedule(() -> end(client, ErrorCode.TOKEN_EXPIRED, "The token expired; sign in again"),
          delay, TimeUnit.MILLISECONDS);
      if (!isRegistered(client)) {
        client.expiry.cancel(false); // closed meanwhile: nothing left to expire
      }
    }
    return client;
  }

  /** A visitor's connection, holding updates until {@link #release}. */
  public Client visitor(UUID organizationId, Visitor visitor, Connection connection) {
    Client client = new Client(organizationId, null, visitor, connection);
    add(visitorsByOrganization, organizationId, client);
    add(visitorsByContact, visitor.contactId(), client);
    return client;
  }

  /** Forgets a client whose connection closed; returns whether it was still registered. */
  public boolean remove(Client client) {
    boolean removed;
    if (client.isVisitor()) {
      removed = remove(visitorsByOrganization, client.organizationId, client);
      remove(visitorsByContact, client.visitor.contactId(), client);
    } else {
      removed = remove(agents, client.organizationId, client);
    }
    ScheduledFuture<?> expiry = client.expiry;
    if (expiry != null) {
      expiry.cancel(false);
    }
    client.end();
    return removed;
  }

  /** Sends what was held back while the client's own first frames went out, then lets updates through as they come. */
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
    Set<Client> organizationAgents = agents.get(event.organizationId());
    if (organizationAgents != null && !organizationAgents.isEmpty()) {
      String frame = event.ephemeral() ? event.payload() : LiveCursor.stamp(event.payload(), LiveCursor.at(Timestamps.now()));
      organizationAgents.forEach(client -> send(client, frame));
    }
    if (event.reachesVisitor()) {
      Set<Client> contactVisitors = visitorsByContact.get(event.contactId());
      if (contactVisitors != null) {
        for (Client client : contactVisitors) {
          if (client.organizationId.equals(event.organizationId())) {
            send(client, event.visitorPayload());
          }
        }
      }
    }
  }

  /** How many clients this server holds: agents and visitors. */
  public int size() {
    return count(agents) + count(visitorsByOrganization);
  }

  private static void send(Client client, String frame) {
    client.offer(frame, true);
  }

  /** Closes a client that cannot keep up; it reconnects and catches up from its last frame. */
  private void drop(Client client, String why) {
    if (remove(client)) {
      LOG.info(() -> "A live client " + why + "; it was disconnected and will catch up when it reconnects");
      closeApart(client.connection::drop);
    }
  }

  /** Hands an announcement to every visitor of the app connected here (their availability, ...). */
  public void announce(UUID organizationId, UUID appId, String frame) {
    Set<Client> visitors = visitorsByOrganization.get(organizationId);
    if (visitors != null) {
      for (Client client : visitors) {
        if (client.visitor.appId().equals(appId)) {
          send(client, frame);
        }
      }
    }
  }

  /** Drops every client one of whose writes has not finished for {@link #STALLED}, as of {@code now} ({@link System#nanoTime}). */
  void dropStalled(long now) {
    for (Map<UUID, Set<Client>> index : List.of(agents, visitorsByOrganization)) {
      for (Set<Client> clients : index.values()) {
        for (Client client : List.copyOf(clients)) {
          if (client.stalledAt(now)) {
            drop(client, "stopped reading (a write unfinished for " + STALLED.toSeconds() + " s)");
          }
        }
      }
    }
  }

  /**
   * Closes a connection on a thread of its own: closing writes a close frame, which waits like any
   * write to a client that does not read, and must hold up nothing else.
   */
  private static void closeApart(Runnable close) {
    Thread thread = new Thread(close, "convot-live-close");
    thread.setDaemon(true);
    thread.start();
  }

  private void revoke(UUID organizationId, Revocation revocation) {
    forEach(agents.get(organizationId), client -> {
      if (revocation.ends(client.credential)) {
        end(client, ErrorCode.TOKEN_REVOKED, "This token no longer grants access");
      }
    });
    forEach(visitorsByOrganization.get(organizationId), client -> {
      if (revocation.ends(client.visitor)) {
        end(client, revocation.visitorReason(), "The session no longer grants access; start a new one");
      }
    });
  }

  private void end(Client client, ErrorCode reason, String detail) {
    if (remove(client)) {
      closeApart(() -> client.connection.close(reason, detail));
    }
  }

  private boolean isRegistered(Client client) {
    Set<Client> registered = (client.isVisitor() ? visitorsByOrganization : agents).get(client.organizationId);
    return registered != null && registered.contains(client);
  }

  private static void forEach(Set<Client> clients, Consumer<Client> action) {
    if (clients != null) {
      List.copyOf(clients).forEach(action);
    }
  }

  private static void add(Map<UUID, Set<Client>> index, UUID key, Client client) {
    index.compute(key, (k, clients) -> {
      Set<Client> set = clients == null ? ConcurrentHashMap.newKeySet() : clients;
      set.add(client);
      return set;
    });
  }

  private static boolean remove(Map<UUID, Set<Client>> index, UUID key, Client client) {
    boolean[] removed = new boolean[1];
    index.computeIfPresent(key, (k, clients) -> {
      removed[0] = clients.remove(client);
      return clients.isEmpty() ? null : clients;
    });
    return removed[0];
  }

  private static int count(Map<UUID, Set<Client>> index) {
    return index.values().stream().mapToInt(Set::size).sum();
  }

  @PostConstruct
  void start() {
    closer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "convot-live-closer");
      thread.setDaemon(true);
      return thread;
    });
    closer.setRemoveOnCancelPolicy(true); // a 60-day token's task leaves with its connection
    closer.scheduleWithFixedDelay(() -> dropStalled(System.nanoTime()), 5, 5, TimeUnit.SECONDS);
    AtomicInteger writerNumber = new AtomicInteger();
    writers = Executors.newFixedThreadPool(WRITER_THREADS, task -> {
      Thread thread = new Thread(task, "convot-live-writer-" + writerNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    closer.shutdownNow();
    writers.shutdownNow();
  }
}
