package io.convot.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A Shopify app's admin page on its own origin: a real HTTP server on 127.0.0.1 that serves one
 * HTML page. The same page is also reachable as {@code http://localhost:<port>}, another origin.
 */
public final class HostPage implements AutoCloseable {

  private final HttpServer server;
  private volatile String html = "<!doctype html><title>empty</title>";

  public HostPage() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The page served from now on. */
  public void show(String page) {
    this.html = page;
  }

  /** The origin the app allows. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The same page on an origin no app allows. */
  public String foreignOrigin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
