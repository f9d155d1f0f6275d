package io.convot.shopify;

import io.convot.app.App;
import io.convot.widget.IdentityVerifier;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact's link to a Shopify shop, from its session data: {@code shop} (a myshopify domain) and
 * optionally {@code shop_hash}, the hex HMAC-SHA256 of the domain under the app's identity secret.
 * A signed link is marked verified; a hash that does not verify is no link at all; and an app that
 * requires identity verification links only signed shops.
 */
record ShopLink(String domain, boolean verified) {

  private static final Pattern MYSHOPIFY_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}\\.myshopify\\.com");

  static Optional<ShopLink> of(App app, Map<String, JsonValue> sessionData) {
    if (app == null || !(sessionData.get("shop") instanceof JsonString shop)) {
      return Optional.empty();
    }
    String domain = shop.getString().trim().toLowerCase(Locale.ROOT);
    if (!MYSHOPIFY_DOMAIN.matcher(domain).matches()) {
      return Optional.empty();
    }
    JsonValue hash = sessionData.get("shop_hash");
    if (hash == null || hash.getValueType() == JsonValue.ValueType.NULL) {
      return app.requireIdentityVerification() ? Optional.empty() : Optional.of(new ShopLink(domain, false));
    }
    if (!(hash instanceof JsonString presented) || !IdentityVerifier.signedBy(app, domain, presented.getString())) {
      return Optional.empty();
    }
    return Optional.of(new ShopLink(domain, true));
  }

  /** The sidebar block: what any agent may see, plus revenue figures for those with revenue access. */
  Map<String, Object> sidebar(ShopifyShop shop, boolean revenueAccess) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("myshopify_domain", domain);
    block.put("verified", verified);
    block.put("known", shop != null);
    block.put("name", shop == null ? null : shop.name());
    block.put("installed", shop == null ? null : shop.installed());
    block.put("uninstall_reason", shop == null ? null : shop.uninstallReason());
    block.put("plan", shop == null ? null : shop.plan());
    block.put("churn_risk", shop == null ? null : shop.churnRisk());
    block.put("churn_reasons", shop == null ? java.util.List.of() : shop.churnReasons());
    if (revenueAccess && shop != null) {
      block.put("last_charge_state", shop.subscriptionState());
      block.put("mrr", shop.mrr());
      block.put("lifetime_revenue", shop.lifetimeRevenue());
      block.put("currency", shop.currency());
    }
    return block;
  }
}
