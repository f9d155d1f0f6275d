package io.convot.shopify;

import java.util.regex.Pattern;

/** An app's {@code shopify_app_id} as the Partner API names it: {@code gid://partners/App/<n>}. */
final class ShopifyAppIds {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  private ShopifyAppIds() {}

  static String gid(String shopifyAppId) {
    String trimmed = shopifyAppId.trim();
    return DIGITS.matcher(trimmed).matches() ? "gid://partners/App/" + trimmed : trimmed;
  }
}
