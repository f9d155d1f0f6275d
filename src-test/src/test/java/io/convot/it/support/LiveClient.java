package io.convot.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A live connection to the test server (or another server), collecting what it receives. */
public final class LiveClient implements AutoCloseable {

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final List<JsonObject> history = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private LiveClient(String baseUrl, String path) {
    URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + path);
    socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, new Collector()).join();
  }

  /** Connects to {@code path} and sends the auth message. */
  public static LiveClient connect(String path, JsonObject auth) {
    return connect(Api.BASE_URL, path, auth);
  }

  /** Connects to {@code path} on the server at {@code baseUrl} and sends the auth message. */
  public static LiveClient connect(String baseUrl, String path, JsonObject auth) {
    LiveClient client = new LiveClient(baseUrl, path);
    client.send(auth);
    return client;
  }

  public void send(JsonObject message) {
    socket.sendText(message.toString(), true).join();
  }

  /** The next received message matching {@code wanted}, skipping others; fails after the timeout. */
  public JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("nothing matching arrived within " + timeout);
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  /** Whether something matching arrives within {@code wait} (used to show that something does NOT arrive). */
  public boolean receives(Predicate<JsonObject> wanted, Duration wait) throws InterruptedException {
    try {
      await(wanted, wait);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** Everything received so far, in order, including what {@link #await} skipped. */
  public List<JsonObject> history() {
    return List.copyOf(history);
  }

  /** The close reason once the server closed the connection. */
  public String closeReason(Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    socket.abort();
  }

  public static Predicate<JsonObject> ofType(String type) {
    return message -> type.equals(message.getString("type", null));
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonObject message = Json.createReader(new StringReader(partial.toString())).readObject();
        history.add(message);
        received.add(message);
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }
  }
}
