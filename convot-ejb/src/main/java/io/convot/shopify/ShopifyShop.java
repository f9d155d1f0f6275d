package io.convot.shopify;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What Convot knows of one shop's relationship with one of the organization's apps, folded from
 * the app's lifecycle events in the order they happened, with revenue from its transactions.
 */
@Entity
@Table(name = "shopify_shops")
public class ShopifyShop extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(name = "myshopify_domain", nullable = false)
  private String myshopifyDomain;

  @Column(name = "shop_gid")
  private String shopGid;

  private String name;

  @Column(nullable = false)
  private boolean installed;

  @Column(name = "installed_at")
  private Instant installedAt;

  @Column(name = "uninstalled_at")
  private Instant uninstalledAt;

  @Column(name = "uninstall_reason")
  private String uninstallReason;

  @Column(name = "reinstalled_at")
  private Instant reinstalledAt;

  @Column(nullable = false)
  private boolean deactivated;

  private String plan;

  @Column(name = "subscription_charge_id")
  private String subscriptionChargeId;

  @Column(name = "subscription_amount")
  private BigDecimal subscriptionAmount;

  @Column(name = "subscription_state")
  private String subscriptionState;

  @Column(nullable = false)
  private BigDecimal mrr = BigDecimal.ZERO;

  @Column(name = "lifetime_revenue", nullable = false)
  private BigDecimal lifetimeRevenue = BigDecimal.ZERO;

  @Column(nullable = false)
  private String currency = "USD";

  @Column(name = "churn_risk", nullable = false)
  private String churnRisk = "low";

  @Column(name = "churn_reasons", nullable = false)
  private String churnReasons = "";

  @Column(name = "last_event_at")
  private Instant lastEventAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ShopifyShop() {}

  public ShopifyShop(UUID appId, String myshopifyDomain) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.myshopifyDomain = myshopifyDomain;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  /** Applies one lifecycle event; events must come in the order they occurred. */
  public void apply(LifecycleEvent event) {
    if (event.shopName() != null) {
      name = event.shopName();
    }
    if (event.shopGid() != null) {
      shopGid = event.shopGid();
    }
    lastEventAt = event.occurredAt();
    switch (event.type()) {
      case "RELATIONSHIP_INSTALLED" -> {
        if (!installed && uninstalledAt != null) {
          reinstalledAt = event.occurredAt();
        }
        installed = true;
        installedAt = event.occurredAt();
        uninstallReason = null;
      }
      case "RELATIONSHIP_UNINSTALLED" -> {
        installed = false;
        uninstalledAt = event.occurredAt();
        uninstallReason = describe(event.reason(), event.description());
        plan = null;
        subscriptionChargeId = null;
        subscriptionAmount = null;
      }
      case "RELATIONSHIP_DEACTIVATED" -> deactivated = true;
      case "RELATIONSHIP_REACTIVATED" -> deactivated = false;
      case "SUBSCRIPTION_CHARGE_ACCEPTED" -> subscriptionState = "accepted";
      case "SUBSCRIPTION_CHARGE_ACTIVATED" -> {
        plan = event.chargeName();
        subscriptionChargeId = event.chargeId();
        subscriptionAmount = event.amount();
        currency = event.currency() == null ? currency : event.currency();
        subscriptionState = "active";
      }
      case "SUBSCRIPTION_CHARGE_CANCELED" -> {
        if (isCurrentSubscription(event)) {
          plan = null;
          subscriptionChargeId = null;
          subscriptionAmount = null;
          subscriptionState = "cancelled";
        }
      }
      case "SUBSCRIPTION_CHARGE_DECLINED" -> subscriptionState = subscriptionChargeId == null ? "declined" : subscriptionState;
      case "SUBSCRIPTION_CHARGE_EXPIRED" -> subscriptionState = subscriptionChargeId == null ? "expired" : subscriptionState;
      case "SUBSCRIPTION_CHARGE_FROZEN" -> subscriptionState = isCurrentSubscription(event) ? "frozen" : subscriptionState;
      case "SUBSCRIPTION_CHARGE_UNFROZEN" -> subscriptionState = isCurrentSubscription(event) ? "active" : subscriptionState;
      default -> { } // One-time charges, usage charges and credits change no state; their money comes from transactions.
    }
    updatedAt = Timestamps.now();
  }

  /** Takes revenue figures: lifetime net revenue, and the interval the current plan bills in. */
  public void revenue(BigDecimal lifetimeNet, String currentBillingInterval) {
    lifetimeRevenue = lifetimeNet == null ? BigDecimal.ZERO : lifetimeNet;
    boolean earning = installed && "active".equals(subscriptionState) && subscriptionAmount != null;
    BigDecimal monthly = !earning ? BigDecimal.ZERO
        : "ANNUAL".equals(currentBillingInterval) ? subscriptionAmount.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_EVEN)
        : subscriptionAmount;
    mrr = monthly.setScale(2, RoundingMode.HALF_EVEN);
    updatedAt = Timestamps.now();
  }

  public void assess(BigDecimal usageLast30Days, BigDecimal usagePrevious30Days, Instant now) {
    ChurnRisk risk = ChurnRisk.assess(new ChurnRisk.Facts(installed, deactivated, subscriptionState, uninstalledAt,
        reinstalledAt, usageLast30Days, usagePrevious30Days), now);
    churnRisk = risk.level();
    churnReasons = String.join(",", risk.reasons());
  }

  /** A transaction can name a shop before any event does (events older than the first sync). */
  public void knownAs(String shopName) {
    if (name == null && shopName != null) {
      name = shopName;
    }
  }

  private boolean isCurrentSubscription(LifecycleEvent event) {
    return subscriptionChargeId == null || event.chargeId() == null || subscriptionChargeId.equals(event.chargeId());
  }

  private static String describe(String reason, String description) {
    if (reason == null || reason.isBlank()) {
      return description;
    }
    return description == null || description.isBlank() ? reason : reason + ": " + description;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String myshopifyDomain() {
    return myshopifyDomain;
  }

  public String name() {
    return name;
  }

  public boolean installed() {
    return installed;
  }

  public Instant installedAt() {
    return installedAt;
  }

  public Instant uninstalledAt() {
    return uninstalledAt;
  }

  public String uninstallReason() {
    return uninstallReason;
  }

  public String plan() {
    return plan;
  }

  public String subscriptionChargeId() {
    return subscriptionChargeId;
  }

  public String subscriptionState() {
    return subscriptionState;
  }

  public BigDecimal mrr() {
    return mrr;
  }

  public BigDecimal lifetimeRevenue() {
    return lifetimeRevenue;
  }

  public String currency() {
    return currency;
  }

  public String churnRisk() {
    return churnRisk;
  }

  public List<String> churnReasons() {
    return churnReasons.isEmpty() ? List.of() : Arrays.asList(churnReasons.split(","));
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
