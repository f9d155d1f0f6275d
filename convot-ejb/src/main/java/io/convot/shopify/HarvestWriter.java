package io.convot.shopify;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores what a run read, a thousand rows a statement, inside the organization the transaction
 * entered. Events and transactions already stored are skipped, and the events that are new come
 * back, so that each is folded into its shop exactly once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class HarvestWriter {

  private static final int CHUNK = 1000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  /** Inserts the events not stored yet and answers those it inserted. */
  public List<LifecycleEvent> newEvents(UUID appId, List<LifecycleEvent> events) {
    List<LifecycleEvent> inserted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<LifecycleEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      JsonArrayBuilder rows = Json.createArrayBuilder();
      for (LifecycleEvent event : chunk) {
        rows.add(Json.createObjectBuilder()
            .add("id", UUID.randomUUID().toString()).add("key", event.key(appId)).add("type", event.type())
            .add("domain", event.myshopifyDomain()).add("occurred_at", event.occurredAt().toString())
            .add("charge_id", nullable(event.chargeId())).add("charge_name", nullable(event.chargeName()))
            .add("amount", nullable(event.amount())).add("currency", nullable(event.currency()))
            .add("reason", nullable(event.reason())).add("description", nullable(event.description())));
      }
      @SuppressWarnings("unchecked")
      List<Object> keys = em.createNativeQuery("""
          INSERT INTO shopify_lifecycle_events (id, organization_id, app_id, myshopify_domain, type, occurred_at,
              charge_id, charge_name, amount, currency, reason, description, event_key)
          SELECT r.id, convot_current_organization(), ?1, r.domain, r.type, r.occurred_at,
                 r.charge_id, r.charge_name, r.amount, r.currency, r.reason, r.description, r.key
          FROM jsonb_to_recordset(?2::jsonb) AS r(id uuid, key text, type text, domain text, occurred_at timestamptz,
              charge_id text, charge_name text, amount numeric, currency text, reason text, description text)
          ON CONFLICT (organization_id, event_key) DO NOTHING
          RETURNING event_key""").setParameter(1, appId).setParameter(2, rows.build().toString()).getResultList();
      Set<String> fresh = new HashSet<>();
      keys.forEach(key -> fresh.add(key.toString()));
      for (LifecycleEvent event : chunk) {
        if (fresh.contains(event.key(appId)) && seen.add(event.key(appId))) {
          inserted.add(event);
        }
      }
    }
    return inserted;
  }

  /** Inserts the transactions not stored yet (by their Partner API id); answers how many were new. */
  public int newTransactions(UUID appId, List<ShopTransaction> transactions) {
    int inserted = 0;
    for (int from = 0; from < transactions.size(); from += CHUNK) {
      JsonArrayBuilder rows = Json.createArrayBuilder();
      for (ShopTransaction transaction : transactions.subList(from, Math.min(transactions.size(), from + CHUNK))) {
        if (transaction.myshopifyDomain() == null || transaction.netAmount() == null) {
          continue;
        }
        rows.add(Json.createObjectBuilder()
            .add("id", UUID.randomUUID().toString()).add("transaction_id", transaction.id()).add("type", transaction.type())
            .add("domain", transaction.myshopifyDomain()).add("created_at", transaction.createdAt().toString())
            .add("charge_id", nullable(transaction.chargeId())).add("billing_interval", nullable(transaction.billingInterval()))
            .add("gross", nullable(transaction.grossAmount())).add("net", transaction.netAmount())
            .add("fee", nullable(transaction.shopifyFee())).add("currency", transaction.currency()));
      }
      inserted += em.createNativeQuery("""
          INSERT INTO shopify_transactions (id, organization_id, app_id, transaction_id, type, myshopify_domain, created_at,
              charge_id, billing_interval, gross_amount, net_amount, shopify_fee, currency)
          SELECT r.id, convot_current_organization(), ?1, r.transaction_id, r.type, r.domain, r.created_at,
                 r.charge_id, r.billing_interval, r.gross, r.net, r.fee, r.currency
          FROM jsonb_to_recordset(?2::jsonb) AS r(id uuid, transaction_id text, type text, domain text,
              created_at timestamptz, charge_id text, billing_interval text, gross numeric, net numeric, fee numeric,
              currency text)
          ON CONFLICT (organization_id, transaction_id) DO NOTHING""")
          .setParameter(1, appId).setParameter(2, rows.build().toString()).executeUpdate();
    }
    return inserted;
  }

  /** Per shop of the app: lifetime net revenue, usage in the last 30 days and the 30 before. */
  @SuppressWarnings("unchecked")
  public List<Object[]> revenueByShop(UUID appId, Instant now) {
    return em.createNativeQuery("""
        SELECT myshopify_domain, sum(net_amount),
               coalesce(sum(net_amount) FILTER (WHERE type = 'AppUsageSale' AND created_at >= ?2), 0),
               coalesce(sum(net_amount) FILTER (WHERE type = 'AppUsageSale' AND created_at >= ?3 AND created_at < ?2), 0),
               max(currency)
        FROM shopify_transactions WHERE app_id = ?1 GROUP BY myshopify_domain""")
        .setParameter(1, appId)
        .setParameter(2, java.time.OffsetDateTime.ofInstant(now.minus(ChurnRisk.RECENT), java.time.ZoneOffset.UTC))
        .setParameter(3, java.time.OffsetDateTime.ofInstant(now.minus(ChurnRisk.RECENT.multipliedBy(2)), java.time.ZoneOffset.UTC))
        .getResultList();
  }

  /** Per subscription charge of the app: the billing interval of its latest sale. */
  @SuppressWarnings("unchecked")
  public List<Object[]> billingIntervals(UUID appId) {
    return em.createNativeQuery("""
        SELECT DISTINCT ON (charge_id) charge_id, billing_interval FROM shopify_transactions
        WHERE app_id = ?1 AND type = 'AppSubscriptionSale' AND charge_id IS NOT NULL
        ORDER BY charge_id, created_at DESC""").setParameter(1, appId).getResultList();
  }

  private static jakarta.json.JsonValue nullable(String value) {
    return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value);
  }

  private static jakarta.json.JsonValue nullable(BigDecimal value) {
    return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value);
  }
}
