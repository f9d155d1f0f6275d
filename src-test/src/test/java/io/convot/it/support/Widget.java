package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The widget API as a host page's frame uses it: one app, its sessions and messages. */
public final class Widget {

  /** The origin the test apps allow besides Shopify's. */
  public static final String HOST_ORIGIN = "https://admin.acme-app.test";

  private final String appKey;
  private final String baseUrl;

  public Widget(String appKey) {
    this(appKey, Api.BASE_URL);
  }

  private Widget(String appKey, String baseUrl) {
    this.appKey = appKey;
    this.baseUrl = baseUrl;
  }

  public String appKey() {
    return appKey;
  }

  /** The same app's widget on the server at {@code otherBaseUrl}. */
  public Widget on(String otherBaseUrl) {
    return new Widget(appKey, otherBaseUrl);
  }

  /** An app that allows {@link #HOST_ORIGIN}, optionally requiring identity verification. */
  public static JsonObject createApp(Api api, String name, boolean requireVerification) {
    Api.Reply reply = api.post("/api/v1/apps", Json.createObjectBuilder()
        .add("name", name)
        .add("allowed_origins", Json.createArrayBuilder().add("https://*.myshopify.com").add(HOST_ORIGIN))
        .add("require_identity_verification", requireVerification)
        .build().toString());
    assertEquals(201, reply.status(), () -> "app creation failed: " + reply);
    return reply.json();
  }

  public Api.Reply start(String bodyWithoutAppId) {
    return start(bodyWithoutAppId, null);
  }

  /** {@code POST /widget/v1/sessions}; {@code fields} is the JSON body's other members, e.g. {@code "user": {...}}. */
  public Api.Reply start(String fields, String previousToken) {
    String body = "{\"app_id\": \"" + appKey + "\"" + (fields == null || fields.isBlank() ? "" : ", " + fields) + "}";
    return client(previousToken).on(baseUrl).post("/widget/v1/sessions", body);
  }

  /** Starts a session and returns its token, failing the test when it is refused. */
  public String session(String fields) {
    Api.Reply reply = start(fields);
    assertEquals(201, reply.status(), () -> "session refused: " + reply);
    return reply.string("session_token");
  }

  public static Api client(String sessionToken) {
    Api api = sessionToken == null ? Api.anonymous() : Api.withToken(sessionToken);
    return api.header("Origin", HOST_ORIGIN);
  }

  public static Api.Reply send(String sessionToken, String text) {
    return client(sessionToken).post("/widget/v1/messages", Json.createObjectBuilder().add("text", text).build().toString());
  }

  public static Api.Reply messages(String sessionToken) {
    return client(sessionToken).get("/widget/v1/messages");
  }

  /** The identity hash a host app's backend computes: hex HMAC-SHA256 of the value under the app's secret. */
  public static String userHash(String identitySecret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
