package io.convot.shopify;

import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.crypto.SecretBox;
import io.convot.tenancy.Tenancy;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organization's Shopify integration (status, Sync now, disconnect) and what it learned: shops
 * and revenue, for owners and members with revenue access.
 */
@Stateless
@TenantScoped
public class ShopifyService {

  private static final int AT_RISK_LISTED = 10;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject Tenancy tenancy;
  @Inject SecretBox secrets;
  @Inject SyncQueue queue;

  @Inject SyncInterval interval;

  /**
   * Stores a token, sealed, and queues the first run. Only {@link ShopifyConnections} calls this,
   * once the Partner API accepted the token.
   */
  public IntegrationView storeAccepted(ConnectRequest request) {
    UUID organizationId = tenancy.current();
    String sealed = secrets.seal(request.accessToken(), ShopifyTokens.context(organizationId));
    ShopifyIntegration integration = find();
    if (integration == null) {
      integration = new ShopifyIntegration(request.partnerOrganizationId(), sealed);
      em.persist(integration);
    } else {
      if (!integration.partnerOrganizationId().equals(request.partnerOrganizationId())) {
        forgetSyncMarks();
      }
      integration.connect(request.partnerOrganizationId(), sealed);
    }
    queue.queue(organizationId, integration.requestRun(interval.get()));
    return IntegrationView.of(integration, mappedApps());
  }

  public IntegrationView get() {
    caller.get().requireManager();
    return IntegrationView.of(existing(), mappedApps());
  }

  /** Sync now: zero failures, back to active, and a run queued at once. */
  public IntegrationView syncNow() {
    caller.get().requireManager();
    ShopifyIntegration integration = existing();
    if (!integration.isConnected()) {
      throw new ConvotException(ErrorCode.CONFLICT, "The Shopify integration is disconnected: connect it again first");
    }
    queue.queue(tenancy.current(), integration.requestRun(interval.get()));
    return IntegrationView.of(integration, mappedApps());
  }

  /** Removes the token; the shops learned so far stay. */
  public void disconnect() {
    caller.get().requireManager();
    existing().disconnect();
  }

  public Page<ShopView> shops(ShopFilter filter, PageRequest page) {
    RevenueAccess.require(caller.get());
    Keyset.Filter where = new Keyset.Filter()
        .where("e.appId = :app", "app", filter.appId())
        .where("e.churnRisk = :risk", "risk", filter.churnRisk())
        .where("e.installed = :installed", "installed", filter.installed())
        .where("e.myshopifyDomain = :domain", "domain", filter.myshopifyDomain());
    return Keyset.page(em, ShopifyShop.class, where, page, ShopifyShop::createdAt, ShopifyShop::id).map(ShopView::of);
  }

  public RevenueSummary summary() {
    RevenueAccess.require(caller.get());
    List<ShopifyShop> shops = em.createQuery("SELECT s FROM ShopifyShop s", ShopifyShop.class).getResultList();
    Map<String, Long> risk = new LinkedHashMap<>(Map.of("high", 0L, "medium", 0L, "low", 0L));
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    long installed = 0;
    for (ShopifyShop shop : shops) {
      installed += shop.installed() ? 1 : 0;
      risk.merge(shop.churnRisk(), 1L, Long::sum);
      BigDecimal[] sum = sums.computeIfAbsent(shop.currency(), currency -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(shop.mrr());
      sum[1] = sum[1].add(shop.lifetimeRevenue());
      sum[2] = "high".equals(shop.churnRisk()) ? sum[2].add(shop.mrr()) : sum[2];
    }
    List<RevenueSummary.Totals> totals = sums.entrySet().stream()
        .map(entry -> new RevenueSummary.Totals(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
        .toList();
    List<ShopView> atRisk = shops.stream().filter(shop -> !"low".equals(shop.churnRisk()))
        .sorted(java.util.Comparator.comparing((ShopifyShop shop) -> "high".equals(shop.churnRisk()) ? 0 : 1)
            .thenComparing(ShopifyShop::mrr, java.util.Comparator.reverseOrder())
            .thenComparing(ShopifyShop::lifetimeRevenue, java.util.Comparator.reverseOrder()))
        .limit(AT_RISK_LISTED).map(ShopView::of).toList();
    ShopifyIntegration integration = find();
    return new RevenueSummary(shops.size(), installed, shops.size() - installed, risk, totals, atRisk,
        integration == null ? null : integration.lastSyncAt());
  }

  /**
   * The shop a contact's session data links it to ({@code shop}, optionally signed as
   * {@code shop_hash}), as the agent's sidebar shows it: plan and churn risk for every agent,
   * revenue figures only with revenue access. Nothing when there is no valid link.
   */
  public java.util.Optional<Map<String, Object>> linkedShop(UUID appId, Map<String, jakarta.json.JsonValue> sessionData) {
    App app = em.find(App.class, appId);
    return ShopLink.of(app, sessionData).map(link -> {
      List<ShopifyShop> found = em.createQuery("SELECT s FROM ShopifyShop s WHERE s.appId = :app AND s.myshopifyDomain = :domain",
          ShopifyShop.class).setParameter("app", appId).setParameter("domain", link.domain()).getResultList();
      return link.sidebar(found.isEmpty() ? null : found.get(0), caller.get().revenueAccess());
    });
  }

  private ShopifyIntegration find() {
    return em.createQuery("SELECT i FROM ShopifyIntegration i", ShopifyIntegration.class).getResultStream().findFirst().orElse(null);
  }

  private ShopifyIntegration existing() {
    ShopifyIntegration integration = find();
    if (integration == null) {
      throw ConvotException.notFound("Shopify integration");
    }
    return integration;
  }

  private List<IntegrationView.MappedApp> mappedApps() {
    return ShopifyAppIds.syncedApps(em).stream()
        .map(app -> new IntegrationView.MappedApp(app.id(), app.name(), ShopifyAppIds.gid(app.shopifyAppId()))).toList();
  }

  private void forgetSyncMarks() {
    em.createQuery("DELETE FROM SyncMark m").executeUpdate();
  }
}
