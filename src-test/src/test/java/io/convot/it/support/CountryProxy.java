package io.convot.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

/**
 * A reverse proxy in front of the test server that does what a CDN does: it tells Convot the
 * visitor's country in a header ({@code CF-IPCountry}, Convot's default
 * {@code convot.widget.country-header}). A real HTTP server on 127.0.0.1 forwarding every request
 * (no WebSocket: the widget then polls, as it does behind proxies that do not pass them).
 */
public final class CountryProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade",
      "expect", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings", "cf-ipcountry", "date", "from", "via",
      "warning");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
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

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      String told = country;
      if (told != null) {
        request.header("CF-IPCountry", told);
      }
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      byte[] answer = response.body();
      boolean empty = answer.length == 0 || response.statusCode() == 204 || response.statusCode() == 304
          || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
