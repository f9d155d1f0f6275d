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
    App app = get(id);
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

  /** Deleting an app ends its visitor sessions (the database cascades) and their live connections. */
  public void delete(UUID id) {
    caller.get().requireManager();
    em.remove(get(id));
    live.revoke(caller.get().organizationId(), Revocation.ofApp(id));
  }

  public App rotateIdentitySecret(UUID id) {
    caller.get().requireManager();
    App app = get(id);
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

  private static void checkThemeColor(String value, Validation validation) {
    validation.require(value == null || THEME_COLOR.matcher(value.trim()).matches(), "theme_color", "invalid_color",
        "theme_color is a hex color such as #1f6feb");
  }

  private static void checkShopifyAppId(String value, Validation validation) {
    validation.require(value == null || SHOPIFY_APP_ID.matcher(value).matches(), "shopify_app_id", "invalid_format",
        "shopify_app_id must be the app's id from the Partner Dashboard (digits or a gid://partners/App/... id)");
  }

}
