package io.convot.it.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.partner.PartnerApiSimulator;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A test organization with an app mapped to a Shopify app of its own simulated Partner organization
 * (public for the dashboard's browser tests, which show what a sync learned).
 */
public final class Shopify {

  static final Duration SOON = Duration.ofSeconds(30);

  public final Organizations.Owner owner;
  public final JsonObject app;
  public final long shopifyApp;
  public final PartnerOrganization partner;
  public final String token;

  private Shopify(Organizations.Owner owner, JsonObject app, long shopifyApp, PartnerOrganization partner, String token) {
    this.owner = owner;
    this.app = app;
    this.shopifyApp = shopifyApp;
    this.partner = partner;
    this.token = token;
  }

  /** Signs up, creates an app with a {@code shopify_app_id}, and a Partner organization with a full-access token. */
  public static Shopify setUp(String name) {
    Organizations.Owner owner = Organizations.signUp(name);
    long shopifyApp = ThreadLocalRandom.current().nextLong(1_000, 9_000_000);
    Api.Reply app = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", name + " app")
        .add("allowed_origins", Json.createArrayBuilder().add("https://*.myshopify.com").add(io.convot.it.support.Widget.HOST_ORIGIN))
        .add("shopify_app_id", "gid://partners/App/" + shopifyApp).build().toString());
    assertEquals(201, app.status(), app::toString);
    String token = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
    PartnerOrganization partner = PartnerApiSimulator.get().organization().token(token, true).app(shopifyApp);
    return new Shopify(owner, app.json(), shopifyApp, partner, token);
  }

  public Api api() {
    return owner.api();
  }

  public String appId() {
    return app.getString("id");
  }

  public Api.Reply connect(String accessToken) {
    return api().send("PUT", "/api/v1/integrations/shopify", Json.createObjectBuilder()
        .add("partner_organization_id", partner.id()).add("access_token", accessToken).build().toString());
  }

  Api.Reply connect() {
    Api.Reply reply = connect(token);
    assertEquals(200, reply.status(), reply::toString);
    return reply;
  }

  JsonObject status() {
    Api.Reply reply = api().get("/api/v1/integrations/shopify");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  JsonObject awaitStatus(Predicate<JsonObject> done, String what) {
    return Eventually.await(this::status, done, SOON, what);
  }

  /** Connects and waits for the first run to succeed. */
  public JsonObject connectAndSync() {
    connect();
    return awaitStatus(status -> !status.isNull("last_sync_at"), "the first sync run succeeds");
  }
}
