package io.convot.app;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Apps of the caller's organization: everyone reads them, owners and admins change them. */
@Stateless
@TenantScoped
public class AppService {

  private static final Pattern THEME_COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  /** What {@code shopify_app_id} may be: digits or a {@code gid://partners/App/...} id (the API documents it). */
  public static final String SHOPIFY_APP_ID_FORMAT = "^[A-Za-z0-9:/._-]{1,100}$";
  private static final Pattern SHOPIFY_APP_ID = Pattern.compile(SHOPIFY_APP_ID_FORMAT);

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject LiveUpdates live;

  @Inject
  @ConfigProperty(name = "convot.apps.identity-secret-grace-period", defaultValue = "PT24H")
  String gracePeriod;

  @Inject
  @ConfigProperty(name = "convot.apps.deletion-grace-period", defaultValue = "P7D")
  Duration deletionGracePeriod;

  @Inject
  @ConfigProperty(name = "convot.public-url")
  Optional<String> publicUrl;

  public Page<App> list(PageRequest page) {
    return Keyset.page(em, App.class, page, App::createdAt, App::id);
  }

  public App get(UUID id) {
    return Optional.ofNullable(em.find(App.class, id)).orElseThrow(() -> ConvotException.notFound("App"));
  }

  public App create(NewApp request) {
    caller.get().requireManager();
    Validation validation = new Validation().text(request.name(), "name", 100);
    checkShopifyAppId(request.shopifyAppId(), validation);
    checkThemeColor(request.themeColor(), validation);
    AllowedOrigins origins = request.allowedOrigins() == null
        ? AllowedOrigins.DEFAULT
        : AllowedOrigins.parse(request.allowedOrigins(), "allowed_origins", validation);
    validation.throwIfInvalid();
    App app = new App(request, origins);
    em.persist(app);
    return app;
  }

  public App update(UUID id, AppChanges changes) {
    caller.get().requireManager();
    App app = notDeleted(id);
    Validation validation = new Validation();
    changes.name().ifPresent(name -> validation.text(name, "name", 100));
    if (changes.shopifyAppIdSet()) {
      checkShopifyAppId(changes.shopifyAppId(), validation);
    }
    changes.themeColor().ifPresent(color -> checkThemeColor(color, validation));
    AllowedOrigins origins = changes.allowedOrigins()
        .map(values -> AllowedOrigins.parse(values, "allowed_origins", validation))
        .orElse(null);
    WidgetSettings widget = changes.widget().map(patch -> app.widgetSettings().merge(patch, validation)).orElse(app.widgetSettings());
    String themeColor = changes.themeColor().map(color -> color.trim().toLowerCase(java.util.Locale.ROOT)).orElse(app.themeColor());
    if (changes.widget().isPresent() || changes.themeColor().isPresent()) {
      WidgetSettings.checkContrast(themeColor != null && THEME_COLOR.matcher(themeColor).matches() ? themeColor : null,
          widget.themeTextColor(), validation);
    }
    Qualification current = app.qualification();
    Qualification qualification = new Qualification(
        changes.qualificationQuestions().map(json -> Qualification.parseQuestions(json, validation)).orElse(current.questions()),
        changes.qualificationRule().map(json -> Qualification.parseRule(json, validation)).orElse(current.rule()));
    validation.throwIfInvalid();
    boolean verificationTurnedOn = !app.requireIdentityVerification() && changes.requireIdentityVerification().orElse(false);
    app.apply(changes, origins);
    app.changeWidget(widget, qualification);
    if (verificationTurnedOn) {
      live.revoke(caller.get().organizationId(), Revocation.ofUnverifiedVisitors(app.id()));
    }
    return app;
  }

  /**
   * Deleting an app starts its grace period ({@code convot.apps.deletion-grace-period}): its widget
   * refuses visitors at once and their live connections end; the deletion job removes it and its
   * rows afterwards unless it is restored.
   */
  public App delete(UUID id) {
    caller.get().requireManager();
    App app = get(id);
    app.delete(io.convot.common.Timestamps.now(), deletionGracePeriod);
    live.revoke(caller.get().organizationId(), Revocation.ofApp(id));
    return app;
  }

  /** Brings back an app during its grace period; restoring an app that is not deleted changes nothing. */
  public App restore(UUID id) {
    caller.get().requireManager();
    App app = get(id);
    if (app.isDeleted() && !app.purgeAfter().isAfter(io.convot.common.Timestamps.now())) {
      throw new ConvotException(io.convot.common.ErrorCode.CONFLICT, "The grace period is over and the app is being deleted");
    }
    app.restore();
    return app;
  }

  public App rotateIdentitySecret(UUID id) {
    caller.get().requireManager();
    App app = notDeleted(id);
    app.rotateIdentitySecret(Duration.parse(gracePeriod));
    return app;
  }

  /**
   * The app's embed snippet, for every member (it holds no secret). The widget loads from Convot's
   * configured public URL, or else from the origin the request reached ({@code requestOrigin}).
   */
  public WidgetSnippet snippet(UUID id, String requestOrigin) {
    return WidgetSnippet.of(get(id), publicUrl.filter(url -> !url.isBlank()).orElse(requestOrigin));
  }

  /** A deleted app's settings are frozen until it is restored. */
  private App notDeleted(UUID id) {
    App app = get(id);
    if (app.isDeleted()) {
      throw new ConvotException(io.convot.common.ErrorCode.APP_DELETED, "The app is deleted and will be removed at "
          + java.time.format.DateTimeFormatter.ISO_INSTANT.format(app.purgeAfter()) + "; restore it with POST /api/v1/apps/" + id + "/restore");
    }
    return app;
  }

  private static void checkThemeColor(String value, Validation validation) {
    validation.require(value == null || THEME_COLOR.matcher(value.trim()).matches(), "theme_color", "invalid_color",
        "theme_color is a hex color such as #1f6feb");
  }

  private static void checkShopifyAppId(String value, Validation validation) {
    validation.require(value == null || SHOPIFY_APP_ID.matcher(value).matches(), "shopify_app_id", "invalid_format",
        "shopify_app_id must be the app's id from the Partner Dashboard (digits or a gid://partners/App/... id)");
  }

}
