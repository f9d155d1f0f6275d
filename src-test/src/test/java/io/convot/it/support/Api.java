package io.convot.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the test server's REST API (or, with {@link #on}, another server's). */
public final class Api {

  public static final String BASE_URL = System.getProperty("convot.test.base-url", "http://localhost:9181");
  /** HTTP/1.1 over a pool of connections, as browsers and API clients reach Convot without TLS. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final String baseUrl;
  private final String token;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public static Api anonymous() {
    return new Api(BASE_URL, null);
  }

  public static Api withToken(String token) {
    return new Api(BASE_URL, token);
  }

  public Api header(String name, String value) {
    Api copy = new Api(baseUrl, token);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  /** The same client (token, headers) talking to the server at {@code otherBaseUrl}. */
  public Api on(String otherBaseUrl) {
    Api copy = new Api(otherBaseUrl, token);
    copy.headers.putAll(headers);
    return copy;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Reply send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
    }
  }

  /** A response with its JSON body parsed on demand. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonObject json() {
      JsonStructure parsed = Json.createReader(new StringReader(response.body())).read();
      return parsed.asJsonObject();
    }

    public String string(String field) {
      return json().getString(field);
    }

    public boolean isNull(String field) {
      return json().get(field) == null || json().get(field) == JsonValue.NULL;
    }

    @Override
    public String toString() {
      return status() + " " + response.body();
    }
  }
}
