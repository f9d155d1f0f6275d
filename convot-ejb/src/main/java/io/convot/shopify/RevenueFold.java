package io.convot.shopify;

import io.convot.common.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what a run read for one app into shop state: new lifecycle events are applied to their
 * shops in the order they occurred, then every shop of the app gets its revenue and churn risk
 * again (risk depends on the date, so it is judged on every run), and the app's marks advance.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RevenueFold {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject HarvestWriter writer;

  public void store(AppHarvest harvest) {
    UUID appId = harvest.appId();
    Map<String, ShopifyShop> shops = new HashMap<>();
    em.createQuery("SELECT s FROM ShopifyShop s WHERE s.appId = :app", ShopifyShop.class).setParameter("app", appId)
        .getResultList().forEach(shop -> shops.put(shop.myshopifyDomain(), shop));

    List<LifecycleEvent> fresh = writer.newEvents(appId, harvest.events());
    fresh.stream().sorted(Comparator.comparing(LifecycleEvent::occurredAt)).forEach(event ->
        shops.computeIfAbsent(event.myshopifyDomain(), domain -> {
          ShopifyShop shop = new ShopifyShop(appId, domain);
          em.persist(shop);
          return shop;
        }).apply(event));
    writer.newTransactions(appId, harvest.transactions());
    harvest.transactions().forEach(transaction -> {
      ShopifyShop shop = shops.get(transaction.myshopifyDomain());
      if (shop != null) {
        shop.knownAs(transaction.shopName());
      }
    });
    em.flush();

    Instant now = Timestamps.now();
    Map<String, String> intervals = new HashMap<>();
    writer.billingIntervals(appId).forEach(row -> intervals.put((String) row[0], (String) row[1]));
    Map<String, Object[]> revenue = new HashMap<>();
    writer.revenueByShop(appId, now).forEach(row -> revenue.put((String) row[0], row));
    for (ShopifyShop shop : shops.values()) {
      Object[] row = revenue.get(shop.myshopifyDomain());
      shop.revenue(row == null ? BigDecimal.ZERO : decimal(row[1]),
          shop.subscriptionChargeId() == null ? null : intervals.get(shop.subscriptionChargeId()));
      shop.assess(row == null ? BigDecimal.ZERO : decimal(row[2]), row == null ? BigDecimal.ZERO : decimal(row[3]), now);
    }

    SyncMark mark = em.find(SyncMark.class, appId);
    if (mark == null) {
      mark = new SyncMark(appId, harvest.shopifyAppGid());
      em.persist(mark);
    }
    mark.advance(harvest.shopifyAppGid(), harvest.lastEventAt(), harvest.lastTransactionAt());
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? BigDecimal.ZERO : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
  }
}
