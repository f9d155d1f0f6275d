package io.convot.shopify;

import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * How far one app's events and transactions have been read. The marks are inclusive (the next run
 * asks again from them, and what it already has is ignored), and belong to one Shopify app id: when
 * the app is pointed at another, reading starts over.
 */
@Entity
@Table(name = "shopify_sync_marks")
public class SyncMark extends TenantEntity {

  @Id
  @Column(name = "app_id")
  private UUID appId;

  @Column(name = "shopify_app_id", nullable = false)
  private String shopifyAppId;

  @Column(name = "events_until")
  private Instant eventsUntil;

  @Column(name = "transactions_until")
  private Instant transactionsUntil;

  protected SyncMark() {}

  public SyncMark(UUID appId, String shopifyAppId) {
    this.appId = appId;
    this.shopifyAppId = shopifyAppId;
  }

  /** Where reading starts for this Shopify app: from the marks, or from the beginning for another app. */
  public Instant eventsSince(String currentShopifyAppId) {
    return shopifyAppId.equals(currentShopifyAppId) ? eventsUntil : null;
  }

  public Instant transactionsSince(String currentShopifyAppId) {
    return shopifyAppId.equals(currentShopifyAppId) ? transactionsUntil : null;
  }

  public void advance(String currentShopifyAppId, Instant events, Instant transactions) {
    if (!shopifyAppId.equals(currentShopifyAppId)) {
      shopifyAppId = currentShopifyAppId;
      eventsUntil = null;
      transactionsUntil = null;
    }
    eventsUntil = later(eventsUntil, events);
    transactionsUntil = later(transactionsUntil, transactions);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
