package io.convot.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 that answers webhooks the way receivers do, and counts them. */
final class LocalReceiver implements AutoCloseable {

  /** What the last request to a path carried. */
  record Received(Map<String, String> headers, String body) {}

  static {
    // Without it the server's Nagle algorithm waits for the client's delayed ACK (40 ms) between
    // a response's head and its body, and the receiver, not the client, sets the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, Received> last = new ConcurrentHashMap<>();

  LocalReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.setExecutor(threads);
    server.start();
  }

  /** Answers {@code path} with {@code handler}, after recording the request. */
  LocalReceiver on(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      try (exchange) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        last.put(path, new Received(headers, body));
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        handler.handle(exchange);
      }
    });
    return this;
  }

  static HttpHandler answering(int status, String body, String... headerPairs) {
    return exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  Received last(String path) {
    return last.get(path);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
