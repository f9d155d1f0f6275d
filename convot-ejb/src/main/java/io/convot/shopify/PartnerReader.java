package io.convot.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads an app's lifecycle events and transactions since a high-water mark, page after page. */
@ApplicationScoped
public class PartnerReader {

  @Inject PartnerGateway gateway;

  /** Checks that the token is accepted and may read financials; throws {@link PartnerFailure} if not. */
  public void checkAccess(PartnerCall call) {
    gateway.query(call, PartnerQueries.CHECK_ACCESS, JsonValue.EMPTY_JSON_OBJECT);
  }

  public List<LifecycleEvent> events(PartnerCall call, String shopifyAppGid, Instant since) {
    return pages(call, PartnerQueries.APP_EVENTS, shopifyAppGid, "occurredAtMin", since,
        data -> data.get("app") instanceof JsonObject app ? app.getJsonObject("events") : null, PartnerReader::event);
  }

  public List<ShopTransaction> transactions(PartnerCall call, String shopifyAppGid, Instant since) {
    return pages(call, PartnerQueries.TRANSACTIONS, shopifyAppGid, "createdAtMin", since,
        data -> data.getJsonObject("transactions"), PartnerReader::transaction);
  }

  private <T> List<T> pages(PartnerCall call, String query, String appGid, String sinceVariable, Instant since,
                            Function<JsonObject, JsonObject> connection, Function<JsonObject, T> item) {
    List<T> items = new ArrayList<>();
    String after = null;
    while (true) {
      JsonObjectBuilder variables = Json.createObjectBuilder().add("appId", appGid).add("first", PartnerQueries.PAGE_SIZE);
      if (after != null) {
        variables.add("after", after);
      }
      if (since != null) {
        variables.add(sinceVariable, since.toString());
      }
      JsonObject page = connection.apply(gateway.query(call, query, variables.build()));
      if (page == null) {
        throw new PartnerFailure.Rejected(PartnerFailure.Rejected.Why.REFUSED, "The Partner API knows no app " + appGid);
      }
      String cursor = null;
      for (JsonValue edge : page.getJsonArray("edges")) {
        items.add(item.apply(edge.asJsonObject().getJsonObject("node")));
        cursor = edge.asJsonObject().getString("cursor", null);
      }
      call.pageRead();
      boolean more = page.getJsonObject("pageInfo").getBoolean("hasNextPage", false);
      if (!more || cursor == null) {
        return items;
      }
      after = cursor;
    }
  }

  static LifecycleEvent event(JsonObject node) {
    JsonObject shop = node.getJsonObject("shop");
    JsonObject charge = object(node, "charge") != null ? object(node, "charge") : object(node, "appCredit");
    JsonObject amount = charge == null ? null : object(charge, "amount");
    return new LifecycleEvent(node.getString("type"), Instant.parse(node.getString("occurredAt")),
        text(shop, "id"), text(shop, "name"), shop.getString("myshopifyDomain"),
        text(charge, "id"), text(charge, "name"), money(amount), text(amount, "currencyCode"),
        text(node, "reason"), text(node, "description"));
  }

  static ShopTransaction transaction(JsonObject node) {
    JsonObject shop = object(node, "shop");
    JsonObject net = object(node, "netAmount");
    return new ShopTransaction(node.getString("id"), node.getString("__typename"), Instant.parse(node.getString("createdAt")),
        shop == null ? null : shop.getString("myshopifyDomain"), text(shop, "name"), text(node, "chargeId"),
        text(node, "billingInterval"), money(object(node, "grossAmount")), money(net),
        money(object(node, "shopifyFee")), net == null ? "USD" : net.getString("currencyCode", "USD"));
  }

  private static JsonObject object(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonObject child ? child : null;
  }

  private static String text(JsonObject parent, String name) {
    return parent != null && parent.containsKey(name) && !parent.isNull(name) ? parent.getString(name) : null;
  }

  private static BigDecimal money(JsonObject amount) {
    if (amount == null || !amount.containsKey("amount") || amount.isNull("amount")) {
      return null;
    }
    JsonValue value = amount.get("amount");
    return value.getValueType() == JsonValue.ValueType.NUMBER ? amount.getJsonNumber("amount").bigDecimalValue()
        : new BigDecimal(amount.getString("amount"));
  }
}
