package io.convot.it.support.crisp;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers Crisp's REST API v1 over the fixtures: {@code GET /v1/website/{id}},
 * {@code /people/profiles/{page}} and {@code /conversations/{page}} ({@code per_page}, 20 by
 * default, at most 50; an empty page past the end), and
 * {@code /conversation/{session_id}/messages} (the latest batch, or the batch before
 * {@code timestamp_before}). 401 {@code invalid_session} without the website's token pair or the
 * plugin tier; 404 {@code website_not_found}; the faults the website was told to answer with.
 */
final class CrispRest implements ResponseDefinitionTransformerV2 {

  private static final Pattern PATH = Pattern.compile("/v1/website/([^/]+)(/people/profiles/([0-9]+)|/conversations/([0-9]+)"
      + "|/conversation/([^/]+)/messages)?/?");

  private final Map<String, CrispWebsite> websites;

  CrispRest(Map<String, CrispWebsite> websites) {
    this.websites = websites;
  }

  @Override
  public String getName() {
    return "crisp-rest";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    var request = serveEvent.getRequest();
    String[] url = request.getUrl().split("\\?", 2);
    Map<String, String> query = query(url.length > 1 ? url[1] : "");
    Matcher path = PATH.matcher(url[0]);
    CrispWebsite website = path.matches() ? websites.get(path.group(1)) : null;
    if (website == null || !"GET".equals(request.getMethod().getName())) {
      return crisp(404, true, "website_not_found", "{}");
    }
    java.time.Instant arrived = java.time.Instant.now();
    int number = website.next();
    pause(website.pauseMillis());
    Integer limitedFor = website.limitedPath(url[0]);
    ResponseDefinition answer = limitedFor != null ? rateLimited(limitedFor)
        : answer(website, number, path, query, request.getHeader("Authorization"), request.getHeader("X-Crisp-Tier"));
    website.record(arrived, url[0], url.length > 1 ? url[1] : "", answer.getStatus());
    return answer;
  }

  private static ResponseDefinition answer(CrispWebsite website, int number, Matcher path, Map<String, String> query,
      String authorization, String tier) {
    if (!authorized(website, authorization) || !"plugin".equals(tier)) {
      return crisp(401, true, "invalid_session", "{}");
    }
    CrispWebsite.Fault fault = website.fault(number);
    if (fault != null) {
      return switch (fault) {
        case RATE_LIMITED -> rateLimited(website.retryAfter(number));
        case RATE_LIMITED_420 -> crisp(420, true, "quota_limited", "{}");
        case SERVER_ERROR -> crisp(503, true, "server_error", "{}");
      };
    }
    if (path.group(2) == null) {
      return crisp(200, false, "resolved", "{\"website_id\":\"" + website.id() + "\",\"name\":\"" + website.name()
          + "\",\"domain\":\"example.test\"}");
    }
    int perPage = Math.max(1, Math.min(50, parse(query.get("per_page"), 20)));
    if (path.group(3) != null) {
      return list(page(website.people(), Integer.parseInt(path.group(3)), perPage));
    }
    if (path.group(4) != null) {
      return list(page(website.conversations(), Integer.parseInt(path.group(4)), perPage));
    }
    String before = query.get("timestamp_before");
    List<String> messages = website.messagesBefore(path.group(5), before == null ? null : Long.parseLong(before));
    return messages == null ? crisp(404, true, "conversation_not_found", "{}") : list(messages);
  }

  /** A 429, with {@code Retry-After} when {@code seconds} is given. */
  private static ResponseDefinition rateLimited(Integer seconds) {
    ResponseDefinitionBuilder limited = new ResponseDefinitionBuilder().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":true,\"reason\":\"rate_limited\",\"data\":{}}");
    return (seconds == null ? limited : limited.withHeader("Retry-After", seconds.toString())).build();
  }

  private static List<JsonObject> page(List<JsonObject> all, int page, int perPage) {
    int from = (page - 1) * perPage;
    return page < 1 || from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + perPage));
  }

  private static boolean authorized(CrispWebsite website, String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return false;
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = pair.indexOf(':');
    return colon > 0 && website.accepts(pair.substring(0, colon), pair.substring(colon + 1));
  }

  /** A list answer: the items, objects or their JSON text. */
  private static ResponseDefinition list(List<?> items) {
    StringBuilder data = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      data.append(i == 0 ? "" : ",").append(items.get(i));
    }
    return crisp(200, false, "listed", data.append(']').toString());
  }

  private static ResponseDefinition crisp(int status, boolean error, String reason, String data) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"error\":" + error + ",\"reason\":\"" + reason + "\",\"data\":" + data + "}").build();
  }

  private static Map<String, String> query(String query) {
    Map<String, String> values = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static int parse(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
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
