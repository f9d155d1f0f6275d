package io.convot.widget;

import io.convot.app.App;
import io.convot.app.Qualification;
import io.convot.app.WidgetSettings;
import java.util.List;
import java.util.UUID;

/**
 * What the embed needs to know about an app before it shows anything: its look and rules
 * ({@code settings}), its pre-chat questions, whether it is {@code available} (office hours open and
 * a member online), and whether it shows at all to this visitor ({@code shown}: the visitor's
 * country, when known, is one of the app's countries).
 */
public record WidgetConfig(
    UUID appId,
    String appKey,
    String name,
    List<String> allowedOrigins,
    boolean requireIdentityVerification,
    String themeColor,
    boolean available,
    WidgetSettings settings,
    Qualification qualification,
    boolean shown) {

  static WidgetConfig of(App app, boolean available, String country) {
    WidgetSettings settings = app.widgetSettings();
    return new WidgetConfig(app.id(), app.appKey(), app.name(), app.allowedOrigins(),
        app.requireIdentityVerification(), app.themeColor(), available, settings, app.qualification(), settings.showsIn(country));
  }
}
