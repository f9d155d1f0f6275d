package io.convot.app;

import io.convot.common.Randoms;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One Shopify app an organization builds, with the public key its widget embeds. */
@Entity
@Table(name = "apps")
public class App extends TenantEntity {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "app_key", nullable = false, updatable = false)
  private String appKey;

  @Column(name = "identity_secret", nullable = false)
  private String identitySecret;

  @Column(name = "previous_identity_secret")
  private String previousIdentitySecret;

  @Column(name = "previous_secret_valid_until")
  private Instant previousSecretValidUntil;

  @Column(name = "require_identity_verification", nullable = false)
  private boolean requireIdentityVerification;

  @Column(name = "allowed_origins", nullable = false)
  private String allowedOrigins;

  @Column(name = "shopify_app_id")
  private String shopifyAppId;

  @Column(name = "theme_color")
  private String themeColor;

  /** JSON text of {@link OfficeHours}; null when the team is always available. */
  @Column(name = "office_hours")
  private String officeHours;

  /** JSON text of {@link WidgetSettings}; null: the defaults. */
  @Column(name = "widget_settings")
  private String widgetSettings;

  /** JSON text of {@link Qualification}; null: no questions. */
  @Column(name = "qualification")
  private String qualification;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Set while the app waits out its deletion's grace period; see {@link #delete}. */
  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "purge_after")
  private Instant purgeAfter;

  protected App() {}

  public App(NewApp request, AllowedOrigins origins) {
    this.id = UUID.randomUUID();
    this.name = request.name().trim();
    this.appKey = "app_" + Randoms.token(18);
    this.identitySecret = newSecret();
    this.allowedOrigins = origins.stored();
    this.requireIdentityVerification = Boolean.TRUE.equals(request.requireIdentityVerification());
    this.shopifyAppId = request.shopifyAppId();
    this.themeColor = normalizeColor(request.themeColor());
    this.officeHours = request.officeHours() == null ? null : request.officeHours().toJson().toString();
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  public void apply(AppChanges changes, AllowedOrigins origins) {
    changes.name().ifPresent(value -> this.name = value.trim());
    if (origins != null) {
      this.allowedOrigins = origins.stored();
    }
    changes.requireIdentityVerification().ifPresent(value -> this.requireIdentityVerification = value);
    if (changes.shopifyAppIdSet()) {
      this.shopifyAppId = changes.shopifyAppId();
    }
    changes.themeColor().ifPresent(value -> this.themeColor = normalizeColor(value));
    if (changes.officeHoursSet()) {
      this.officeHours = changes.officeHours() == null ? null : changes.officeHours().toJson().toString();
    }
    this.updatedAt = Timestamps.now();
  }

  /** Settings checked by the service (a merge of the stored ones), applied with {@link #apply}'s other changes. */
  void changeWidget(WidgetSettings settings, Qualification questions) {
    this.widgetSettings = settings.equals(WidgetSettings.DEFAULT) ? null : settings.toJson().toString();
    this.qualification = questions.equals(Qualification.NONE) ? null : questions.stored();
  }

  /** A new secret; the old one keeps verifying for the grace period so live widgets don't break. */
  public void rotateIdentitySecret(Duration gracePeriod) {
    this.previousIdentitySecret = identitySecret;
    this.previousSecretValidUntil = Timestamps.now().plus(gracePeriod);
    this.identitySecret = newSecret();
    this.updatedAt = Timestamps.now();
  }

  private static String newSecret() {
    return Randoms.hex(32);
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String appKey() {
    return appKey;
  }

  public String identitySecret() {
    return identitySecret;
  }

  /** The secrets a visitor's identity hash may be signed with now: the current one, and the previous one during its grace period. */
  public List<String> liveIdentitySecrets() {
    if (previousIdentitySecret != null && previousSecretValidUntil != null && previousSecretValidUntil.isAfter(Timestamps.now())) {
      return List.of(identitySecret, previousIdentitySecret);
    }
    return List.of(identitySecret);
  }

  /** Until when the secret replaced by the last rotation still verifies; null once its grace period is over. */
  public Instant previousIdentitySecretValidUntil() {
    return liveIdentitySecrets().size() > 1 ? previousSecretValidUntil : null;
  }

  public boolean requireIdentityVerification() {
    return requireIdentityVerification;
  }

  public List<String> allowedOrigins() {
    return AllowedOrigins.fromStored(allowedOrigins).asList();
  }

  public String shopifyAppId() {
    return shopifyAppId;
  }

  public String themeColor() {
    return themeColor;
  }

  /** The office hours, or null when the team is always available. */
  public OfficeHours officeHours() {
    return OfficeHours.fromStored(officeHours);
  }

  public WidgetSettings widgetSettings() {
    return WidgetSettings.fromStored(widgetSettings);
  }

  public Qualification qualification() {
    return Qualification.fromStored(qualification);
  }

  /** Whether the office hours are open at {@code instant} (see the availability service for who is online). */
  public boolean isAvailableAt(Instant instant) {
    OfficeHours hours = officeHours();
    return hours == null || hours.isOpenAt(instant);
  }

  private static String normalizeColor(String color) {
    return color == null || color.isBlank() ? null : color.trim().toLowerCase(java.util.Locale.ROOT);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Deleting an app starts a grace period: its widget and sync stop at once, its settings can no
   * longer change, and the deletion job removes it and its rows at {@code purge_after} unless it is
   * restored first. Deleting again keeps the first dates.
   */
  public void delete(Instant now, Duration gracePeriod) {
    if (deletedAt == null) {
      deletedAt = now;
      purgeAfter = now.plus(gracePeriod);
      updatedAt = now;
    }
  }

  public void restore() {
    if (deletedAt != null) {
      deletedAt = null;
      purgeAfter = null;
      updatedAt = Timestamps.now();
    }
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public Instant purgeAfter() {
    return purgeAfter;
  }
}
