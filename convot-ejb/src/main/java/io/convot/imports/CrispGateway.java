package io.convot.imports;

import io.convot.common.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * One GET of Crisp's REST API v1, as Crisp's own API wrappers send it (Basic auth with the plugin
 * token pair, {@code X-Crisp-Tier: plugin}), answering the {@code data} of Crisp's
 * {@code {error, reason, data}}. Timeouts, connection failures and 5xx are retried here by
 * MicroProfile Fault Tolerance (tunable as {@code io.convot.imports.CrispGateway/get/Retry/...});
 * a rate limit (429, 420) and a rejection are not.
 */
@ApplicationScoped
public class CrispGateway {

  @Inject
  @ConfigProperty(name = "convot.crisp.api-url", defaultValue = "https://api.crisp.chat/v1")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "convot.crisp.timeout", defaultValue = "PT10S")
  Duration timeout;

  private volatile HttpClient client;

  /** The answer's {@code data}; {@code null} for a 404 when {@code missingIsEmpty} (a conversation deleted meanwhile). */
  @Retry(maxRetries = 3, delay = 1000, jitter = 250, retryOn = CrispFailure.Transient.class,
      abortOn = {CrispFailure.Rejected.class, CrispFailure.RateLimited.class})
  public JsonValue get(CrispCall call, String path, Map<String, String> query, boolean missingIsEmpty) {
    if (call.stopped()) {
      throw new CrispFailure.Rejected("Stopped: another read of this step failed");
    }
    call.attempted();
    try {
      JsonValue data = read(send(call, path, query), missingIsEmpty);
      call.succeeded();
      return data;
    } catch (CrispFailure.Transient e) {
      call.failed();
      throw e;
    } catch (CrispFailure e) {
      call.stop();
      throw e;
    }
  }

  private HttpResponse<String> send(CrispCall call, String path, Map<String, String> query) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String parameters = query.isEmpty() ? "" : "?" + query.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + parameters)).timeout(timeout).GET()
        .header("Authorization", call.authorization()).header("X-Crisp-Tier", "plugin")
        .header("Accept", "application/json").header("User-Agent", "Convot importer").build();
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CrispFailure.Transient("Crisp unreachable or too slow: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrispFailure.Transient("Interrupted while calling Crisp");
    }
  }

  private static JsonValue read(HttpResponse<String> response, boolean missingIsEmpty) {
    int status = response.statusCode();
    if (status == 429 || status == 420) {
      throw new CrispFailure.RateLimited(status, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    if (status == 401 || status == 403) {
      throw new CrispFailure.Rejected("Crisp refused the token (" + reason(response.body(), status) + ")");
    }
    if (status == 404 && missingIsEmpty) {
      return null;
    }
    if (status == 404) {
      throw new CrispFailure.Rejected("Crisp knows no such website or the token cannot read it (" + reason(response.body(), status) + ")");
    }
    if (status >= 500 || status == 408) {
      throw new CrispFailure.Transient("Crisp answered " + status);
    }
    if (status != 200) {
      throw new CrispFailure.Rejected("Crisp answered " + status + " (" + reason(response.body(), status) + ")");
    }
    JsonObject json;
    try {
      json = JsonText.JSON.createReader(new StringReader(response.body())).readObject();
    } catch (RuntimeException e) {
      throw new CrispFailure.Transient("Crisp answered with a body that is not JSON");
    }
    if (json.getBoolean("error", false)) {
      throw new CrispFailure.Rejected("Crisp answered an error (" + json.getString("reason", "unknown") + ")");
    }
    return json.get("data");
  }

  /** Seconds or an HTTP date; nothing usable is no hint. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        Duration until = Duration.between(java.time.Instant.now(),
            java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (java.time.format.DateTimeParseException unparsable) {
        return null;
      }
    }
  }

  private static String reason(String body, int status) {
    try {
      String reason = JsonText.JSON.createReader(new StringReader(body)).readObject().getString("reason", null);
      if (reason != null && reason.matches("[a-z_]{1,60}")) {
        return reason;
      }
    } catch (RuntimeException e) {
      // not Crisp's JSON: the status says enough
    }
    return Integer.toString(status);
  }

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        current = client;
      }
    }
    return current;
  }
}
