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

/** A plain HTTP client for the test server's REST API. */
public final class Api {

  public static final String BASE_URL = System.getProperty("convot.test.base-url", "http://localhost:9181");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String token;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api(String token) {
    this.token = token;
  }

  public static Api anonymous() {
    return new Api(null);
  }

  public static Api withToken(String token) {
    return new Api(token);
  }

  public Api header(String name, String value) {
    Api copy = new Api(token);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30));
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
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
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
