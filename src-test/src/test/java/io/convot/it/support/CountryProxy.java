package io.convot.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A reverse proxy in front of the test server that does what a CDN does: it tells Convot the
 * visitor's country in a header ({@code CF-IPCountry}, Convot's default
 * {@code convot.widget.country-header}). A real HTTP server on 127.0.0.1 forwarding every request
 * with its {@code Host} (no WebSocket: the widget then polls, as it does behind proxies that do not pass them).
 */
public final class CountryProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade",
      "expect", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings", "cf-ipcountry", "date", "from", "via",
      "warning");

  private final HttpServer server;
  private static final URI TARGET = URI.create(Api.BASE_URL);
  private volatile String country;

  public CountryProxy(String country) throws IOException {
    this.country = country;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** Where browsers reach Convot through this proxy. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The country told from now on (an ISO code), or null for no header. */
  public void country(String value) {
    this.country = value;
  }

  /**
   * Forwards one request as HTTP/1.0 over a socket of its own, keeping the browser's {@code Host}
   * (as reverse proxies do: Convot knows its own origin from it) and adding the country header; the
   * answer is read to its end and sent back with its status and headers.
   */
  private void forward(HttpExchange exchange) throws IOException {
    try (exchange; Socket upstream = new Socket(TARGET.getHost(), TARGET.getPort())) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      StringBuilder head = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " HTTP/1.0\r\n");
      exchange.getRequestHeaders().forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("host") || !HOP_BY_HOP.contains(lower)) {
          values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
        }
      });
      String told = country;
      if (told != null) {
        head.append("CF-IPCountry: ").append(told).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream toServer = upstream.getOutputStream();
      toServer.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      toServer.write(body);
      toServer.flush();
      byte[] answer = upstream.getInputStream().readAllBytes();
      int split = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String[] lines = new String(answer, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim();
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          exchange.getResponseHeaders().add(name, lines[i].substring(colon + 1).trim());
        }
      }
      byte[] content = java.util.Arrays.copyOfRange(answer, split + 4, answer.length);
      boolean empty = content.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, empty ? -1 : content.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(content);
        }
      }
    }
  }

  private static int indexOf(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no end of headers in the server's answer");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
