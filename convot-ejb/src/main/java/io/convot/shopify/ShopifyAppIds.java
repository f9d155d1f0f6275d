package io.convot.shopify;

import io.convot.app.App;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The apps a sync reads (those with a {@code shopify_app_id}, not deleted), and that id as the Partner
 * API names it: {@code gid://partners/App/<n>}.
 */
final class ShopifyAppIds {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  private ShopifyAppIds() {}

  /** The entered organization's apps that map to a Shopify app, oldest first; a deleted app is no longer synced. */
  static List<App> syncedApps(EntityManager em) {
    return em.createQuery("SELECT a FROM App a WHERE a.shopifyAppId IS NOT NULL AND a.deletedAt IS NULL ORDER BY a.createdAt", App.class)
        .getResultList();
  }

  static String gid(String shopifyAppId) {
    String trimmed = shopifyAppId.trim();
    return DIGITS.matcher(trimmed).matches() ? "gid://partners/App/" + trimmed : trimmed;
  }
}
