package io.convot.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends one GraphQL query to the Partner API and sorts out what came back. Transient failures are
 * retried here, by MicroProfile Fault Tolerance (tunable as
 * {@code io.convot.shopify.PartnerGateway/query/Retry/...}); a 429 first waits out its
 * {@code Retry-After}. Rejections are not retried.
 */
@ApplicationScoped
public class PartnerGateway {

  static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

  @Inject
  @ConfigProperty(name = "convot.shopify.partner-api-url", defaultValue = "https://partners.shopify.com")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "convot.shopify.api-version", defaultValue = "2025-01")
  String version;

  @Inject
  @ConfigProperty(name = "convot.shopify.timeout", defaultValue = "PT20S")
  Duration timeout;

  private final Map<String, PartnerApi> clients = new ConcurrentHashMap<>();

  private PartnerApi api(String partnerOrganizationId) {
    return clients.computeIfAbsent(partnerOrganizationId, organization -> {
      long millis = timeout.toMillis();
      String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      return RestClientBuilder.newBuilder()
          .baseUri(URI.create(base + organization + "/api/" + version + "/"))
          .connectTimeout(Math.min(millis, 10_000), TimeUnit.MILLISECONDS)
          .readTimeout(millis, TimeUnit.MILLISECONDS)
          .followRedirects(false)
          .property("microprofile.rest.client.disable.default.mapper", true)
          .build(PartnerApi.class);
    });
  }

  /** The query's {@code data}, or a {@link PartnerFailure}. */
  @Retry(maxRetries = 3, delay = 1000, jitter = 250, retryOn = PartnerFailure.Transient.class,
      abortOn = PartnerFailure.Rejected.class)
  public JsonObject query(PartnerCall call, String query, JsonObject variables) {
    call.counted();
    String body = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
    Response response;
    try {
      response = api(call.partnerOrganizationId()).graphql(call.accessToken(), body);
    } catch (ProcessingException e) {
      throw new PartnerFailure.Transient("Partner API unreachable or too slow: " + rootMessage(e));
    }
    try (response) {
      return read(response);
    }
  }

  private static JsonObject read(Response response) {
    int status = response.getStatus();
    if (status == 401 || status == 403) {
      throw new PartnerFailure.Rejected(PartnerFailure.Rejected.Why.TOKEN_INVALID, "Token is invalid or expired");
    }
    if (status == 429) {
      waitOut(response.getHeaderString("Retry-After"));
      throw new PartnerFailure.Transient("Partner API rate limit (429)");
    }
    if (status >= 500) {
      throw new PartnerFailure.Transient("Partner API answered " + status);
    }
    if (status != 200) {
      throw new PartnerFailure.Rejected(PartnerFailure.Rejected.Why.REFUSED, "Partner API answered " + status);
    }
    JsonObject json;
    try {
      json = Json.createReader(new StringReader(response.readEntity(String.class))).readObject();
    } catch (RuntimeException e) {
      throw new PartnerFailure.Transient("Partner API answered with a body that is not JSON");
    }
    JsonValue errors = json.get("errors");
    if (errors instanceof JsonArray list && !list.isEmpty()) {
      throw graphqlError(list);
    }
    if (!(json.get("data") instanceof JsonObject data)) {
      throw new PartnerFailure.Transient("Partner API answered without data");
    }
    return data;
  }

  private static PartnerFailure graphqlError(JsonArray errors) {
    for (JsonValue value : errors) {
      JsonObject error = value.asJsonObject();
      String message = error.getString("message", "");
      String code = error.containsKey("extensions") && error.get("extensions") instanceof JsonObject extensions
          ? extensions.getString("code", "") : "";
      if ("ACCESS_DENIED".equals(code) || message.toLowerCase(java.util.Locale.ROOT).contains("financials")) {
        return new PartnerFailure.Rejected(PartnerFailure.Rejected.Why.MISSING_SCOPE, "Missing scope - View financials");
      }
      if ("THROTTLED".equals(code)) {
        return new PartnerFailure.Transient("Partner API throttled the query");
      }
      if ("INTERNAL_SERVER_ERROR".equals(code)) {
        return new PartnerFailure.Transient("Partner API internal error");
      }
    }
    String first = errors.get(0).asJsonObject().getString("message", "unknown error");
    return new PartnerFailure.Rejected(PartnerFailure.Rejected.Why.REFUSED, "Partner API refused the query: "
        + first.substring(0, Math.min(first.length(), 300)));
  }

  private static void waitOut(String retryAfter) {
    long seconds;
    try {
      seconds = retryAfter == null ? 1 : Long.parseLong(retryAfter.trim());
    } catch (NumberFormatException e) {
      seconds = 1;
    }
    long millis = Math.min(Math.max(seconds, 0) * 1000, LONGEST_RETRY_AFTER.toMillis());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PartnerFailure.Transient("Interrupted while waiting out a 429");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
