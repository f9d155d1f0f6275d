package io.convot.shopify;

import java.util.UUID;

/** Where a Partner API token is sealed: bound to its organization, so a copied ciphertext opens nowhere else. */
final class ShopifyTokens {

  private ShopifyTokens() {}

  static String context(UUID organizationId) {
    return "shopify-partner-token:" + organizationId;
  }
}
