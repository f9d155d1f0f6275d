package io.convot.shopify;

import java.util.UUID;

/** Filters of {@code GET /integrations/shopify/shops}; {@code null} means any. */
public record ShopFilter(UUID appId, String churnRisk, Boolean installed, String myshopifyDomain) {}
