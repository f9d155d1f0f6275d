package io.convot.it.support.partner;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the Partner API's GraphQL over the fixtures: {@code app(id) { events(...) }} and
 * {@code transactions(appId, ...)}, Relay-paged ({@code first} at most 100, {@code after} an
 * opaque cursor) and filtered by {@code occurredAtMin} / {@code createdAtMin}; 401 for an unknown
 * token; the access-denied error for transactions without View financials; and the faults the
 * organization was told to answer with.
 */
final class PartnerGraphql implements ResponseDefinitionTransformerV2 {

  private static final Pattern PATH = Pattern.compile("/([0-9]+)/api/[^/]+/graphql\\.json");
  private static final int MAX_PAGE = 100;

  private final Map<String, PartnerOrganization> organizations;

  PartnerGraphql(Map<String, PartnerOrganization> organizations) {
    this.organizations = organizations;
  }

  @Override
  public String getName() {
    return "shopify-partner-graphql";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    var request = serveEvent.getRequest();
    Matcher path = PATH.matcher(request.getUrl().split("\\?")[0]);
    PartnerOrganization organization = path.matches() ? organizations.get(path.group(1)) : null;
    if (organization == null) {
      return json(404, "{\"errors\":\"Not Found\"}");
    }
    JsonObject body = Json.createReader(new StringReader(request.getBodyAsString())).readObject();
    String query = body.getString("query", "");
    String kind = query.contains("events(") ? "events" : query.contains("CheckAccess") ? "access" : "transactions";
    organization.started();
    int status = 500;
    try {
      Failure failure = organization.failure();
      pause(failure == Failure.SLOW ? 3_000 : organization.pauseMillis());
      ResponseDefinition answer = failure == null || failure == Failure.SLOW
          ? answer(organization, request.getHeader("X-Shopify-Access-Token"), kind, body)
          : fail(failure);
      status = answer.getStatus();
      return answer;
    } finally {
      JsonObject variables = body.get("variables") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
      organization.finished(kind, variables.containsKey("occurredAtMin") || variables.containsKey("createdAtMin"), status);
    }
  }

  private static ResponseDefinition answer(PartnerOrganization organization, String token, String kind, JsonObject body) {
    Boolean financials = organization.financials(token);
    if (financials == null) {
      return fail(Failure.UNAUTHORIZED);
    }
    JsonObject variables = body.containsKey("variables") && body.get("variables") instanceof JsonObject given
        ? given : JsonValue.EMPTY_JSON_OBJECT;
    if (kind.equals("events")) {
      String app = variables.getString("appId", "");
      if (!organization.knows(app)) {
        return data(Json.createObjectBuilder().addNull("app").build());
      }
      JsonObject events = page(organization.events(app), "occurredAt", variables, "occurredAtMin");
      return data(Json.createObjectBuilder().add("app", Json.createObjectBuilder().add("id", app).add("events", events)).build());
    }
    if (!financials) {
      return json(200, Json.createObjectBuilder()
          .add("data", Json.createObjectBuilder().addNull("transactions"))
          .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
              .add("message", "Access denied for transactions field. Required access: `View financials` permission.")
              .add("extensions", Json.createObjectBuilder().add("code", "ACCESS_DENIED"))))
          .build().toString());
    }
    List<JsonObject> transactions = variables.containsKey("appId")
        ? organization.transactions(variables.getString("appId")) : organization.allTransactions();
    return data(Json.createObjectBuilder().add("transactions", page(transactions, "createdAt", variables, "createdAtMin")).build());
  }

  private static JsonObject page(List<JsonObject> all, String timeField, JsonObject variables, String minVariable) {
    Instant min = variables.containsKey(minVariable) ? Instant.parse(variables.getString(minVariable)) : null;
    List<JsonObject> matching = all.stream()
        .map(node -> Map.entry(Instant.parse(node.getString(timeField)), node))
        .filter(entry -> min == null || !entry.getKey().isBefore(min))
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .toList();
    int first = Math.min(variables.getInt("first", MAX_PAGE), MAX_PAGE);
    int from = variables.containsKey("after") && !variables.isNull("after") ? position(variables.getString("after")) + 1 : 0;
    int to = Math.min(matching.size(), from + first);
    JsonArrayBuilder edges = Json.createArrayBuilder();
    for (int i = from; i < to; i++) {
      edges.add(Json.createObjectBuilder().add("cursor", cursor(i)).add("node", matching.get(i)));
    }
    return Json.createObjectBuilder().add("edges", edges)
        .add("pageInfo", Json.createObjectBuilder().add("hasNextPage", to < matching.size())).build();
  }

  private static String cursor(int position) {
    return Base64.getEncoder().encodeToString(("position:" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int position(String cursor) {
    return Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).substring("position:".length()));
  }

  private static ResponseDefinition fail(Failure failure) {
    return switch (failure) {
      case UNAUTHORIZED -> json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
      case SERVER_ERROR -> json(503, "{\"errors\":\"Service Unavailable\"}");
      case RATE_LIMITED -> new ResponseDefinitionBuilder().withStatus(429).withHeader("Retry-After", "1")
          .withHeader("Content-Type", "application/json").withBody("{\"errors\":\"Throttled\"}").build();
      case SLOW -> throw new IllegalArgumentException("a slow answer is an answer");
    };
  }

  private static ResponseDefinition data(JsonObject data) {
    return json(200, Json.createObjectBuilder().add("data", data).build().toString());
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
