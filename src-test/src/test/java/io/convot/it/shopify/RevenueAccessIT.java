package io.convot.it.shopify;

import static io.convot.it.shopify.RevenueFixtures.domain;
import static io.convot.it.shopify.ShopifySyncIT.assertMoney;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revenue is for owners and members with {@code revenue_access}: others get 403 on the revenue
 * endpoints and see a contact's shop (plan, churn risk) without its figures; another organization
 * sees nothing. A contact is linked to its shop by session data, signed or not.
 */
class RevenueAccessIT {

  private static Shopify shopify;
  private static Team.Joined agent;

  @BeforeAll
  static void syncTheFixtures() {
    shopify = Shopify.setUp("Revenue access");
    RevenueFixtures.load(shopify.partner, shopify.shopifyApp);
    shopify.connectAndSync();
    agent = Team.join(shopify.owner, "agent");
  }

  @AfterAll
  static void disconnect() {
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void anAgentWithoutRevenueAccessIsRefusedTheRevenueEndpoints() {
    assertProblem(agent.api().get("/api/v1/integrations/shopify/shops"), 403, "missing_permission");
    assertProblem(agent.api().get("/api/v1/revenue/summary"), 403, "missing_permission");
  }

  @Test
  void aSignedShopLinkShowsPlanAndRiskToEveryAgentAndFiguresOnlyWithRevenueAccess() {
    String bravo = domain("bravo");
    String contactId = contactWithShop(bravo, Widget.userHash(shopify.app.getString("identity_secret"), bravo));

    JsonObject ownerView = shop(shopify.api(), contactId);
    assertEquals(bravo, ownerView.getString("myshopify_domain"));
    assertTrue(ownerView.getBoolean("verified"));
    assertEquals("Growth yearly", ownerView.getString("plan"));
    assertEquals("high", ownerView.getString("churn_risk"));
    assertMoney("0.00", ownerView, "mrr");
    assertMoney("232.00", ownerView, "lifetime_revenue");

    JsonObject agentView = shop(agent.api(), contactId);
    assertEquals("Growth yearly", agentView.getString("plan"));
    assertEquals("high", agentView.getString("churn_risk"));
    assertFalse(agentView.containsKey("mrr"), agentView.toString());
    assertFalse(agentView.containsKey("lifetime_revenue"), agentView.toString());
  }

  @Test
  void grantingRevenueAccessShowsTheFigures() {
    Team.Joined granted = Team.join(shopify.owner, "agent");
    Api.Reply grant = shopify.api().patch("/api/v1/members/" + granted.memberId(), "{\"permissions\": {\"revenue_access\": true}}");
    assertEquals(200, grant.status(), grant::toString);
    String contactId = contactWithShop(domain("alpha"), null);

    JsonObject view = shop(granted.api(), contactId);
    assertFalse(view.getBoolean("verified"));
    assertMoney("49.00", view, "mrr");
    assertEquals(200, granted.api().get("/api/v1/revenue/summary").status());
    assertEquals(200, granted.api().get("/api/v1/integrations/shopify/shops").status());
  }

  @Test
  void aShopHashThatDoesNotVerifyLinksNothing() {
    String contactId = contactWithShop(domain("alpha"), "0".repeat(64));

    assertTrue(shopify.api().get("/api/v1/contacts/" + contactId).json().isNull("shop"));
  }

  @Test
  void aShopConvotHasNotSeenIsLinkedButUnknown() {
    String contactId = contactWithShop("newcomer.myshopify.com", null);

    JsonObject view = shop(shopify.api(), contactId);
    assertFalse(view.getBoolean("known"));
    assertTrue(view.isNull("plan"));
  }

  @Test
  void anotherOrganizationSeesNoneOfIt() {
    Shopify other = Shopify.setUp("Other revenue");
    String contactId = contactWithShop(domain("bravo"), null);

    assertEquals(404, other.api().get("/api/v1/contacts/" + contactId).status());
    assertEquals(0, other.api().get("/api/v1/integrations/shopify/shops").json().getJsonArray("data").size());
    assertEquals(0, other.api().get("/api/v1/revenue/summary").json().getInt("shops"));
    assertEquals(404, other.api().get("/api/v1/integrations/shopify").status());
  }

  private static String contactWithShop(String shopDomain, String shopHash) {
    var data = Json.createObjectBuilder().add("shop", shopDomain);
    if (shopHash != null) {
      data.add("shop_hash", shopHash);
    }
    Widget widget = new Widget(shopify.app.getString("app_key"));
    String email = io.convot.it.support.Organizations.uniqueEmail("merchant");
    widget.session("\"user\": {\"email\": \"" + email + "\"}, \"data\": " + data.build());
    Api.Reply contacts = shopify.api().get("/api/v1/contacts?email=" + email);
    assertEquals(1, contacts.json().getJsonArray("data").size(), contacts::toString);
    return contacts.json().getJsonArray("data").getJsonObject(0).getString("id");
  }

  private static JsonObject shop(Api api, String contactId) {
    Api.Reply reply = api.get("/api/v1/contacts/" + contactId);
    assertEquals(200, reply.status(), reply::toString);
    assertFalse(reply.json().isNull("shop"), reply::toString);
    return reply.json().getJsonObject("shop");
  }
}
