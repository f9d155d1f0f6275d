package io.convot.shopify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Shopify integration on the wire; the token never is. */
public record IntegrationView(
    String status,
    String partnerOrganizationId,
    int consecutiveFailures,
    Instant lastSyncAt,
    String lastError,
    Instant lastRunAt,
    Integer lastRunApiCalls,
    Instant nextSyncAt,
    boolean syncing,
    List<MappedApp> apps,
    Instant connectedAt,
    Instant updatedAt) {

  /** An app and the Shopify app it reads (apps without a {@code shopify_app_id} are not synced). */
  public record MappedApp(UUID appId, String name, String shopifyAppId) {}

  static IntegrationView of(ShopifyIntegration integration, List<MappedApp> apps) {
    return new IntegrationView(integration.status().name(), integration.partnerOrganizationId(),
        integration.consecutiveFailures(), integration.lastSyncAt(), integration.lastError(), integration.lastRunAt(),
        integration.lastRunCalls(), integration.nextSyncAt(), integration.isSyncing(), apps, integration.connectedAt(),
        integration.updatedAt());
  }
}
