package io.convot.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver: a real HTTP server on 127.0.0.1 that records every request and answers with
 * scripted responses (200 once the script runs out, or whatever {@link #otherwise} says).
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String path, HttpHeaders headers, String body, Instant arrivedAt) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  /** A scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer of(int status) {
      return new Answer(status, Map.of(), "");
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer otherwise = new Answer(200, Map.of(), "{\"ok\":true}");
  private volatile Duration slowness = Duration.ZERO;

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next requests get these answers, in order. */
  public Receiver answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Every answer from now on takes this long: a slow receiver. */
  public Receiver slow(Duration delay) {
    this.slowness = delay;
    return this;
  }

  /** What every request gets once the script is spent. */
  public Receiver otherwise(Answer answer) {
    this.otherwise = answer;
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return new ArrayList<>(requests);
    }
  }

  /** Waits until {@code count} requests matching {@code wanted} arrived; returns them. */
  public List<Request> await(Predicate<Request> wanted, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Request> matching = requests().stream().filter(wanted).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " matching requests within " + timeout + ", got " + matching.size()
            + " of " + requests().size());
      }
      synchronized (requests) {
        try {
          requests.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  public static Predicate<Request> ofType(String type) {
    return request -> type.equals(request.header("Convot-Event"));
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant arrived = Instant.now();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
    if (!slowness.isZero()) {
      java.util.concurrent.locks.LockSupport.parkNanos(slowness.toNanos());
    }
    Answer answer = script.poll();
    if (answer == null) {
      answer = otherwise;
    }
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
    Request request = new Request(exchange.getRequestURI().getPath(), HttpHeaders.of(headers, (a, b) -> true), body, arrived);
    synchronized (requests) {
      requests.add(request);
      requests.notifyAll();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
