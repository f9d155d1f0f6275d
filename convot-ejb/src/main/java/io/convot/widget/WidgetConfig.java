package io.convot.widget;

import io.convot.app.App;
import io.convot.common.Timestamps;
import java.util.List;
import java.util.UUID;

/** What the embed needs to know about an app before it shows anything; {@code available} follows the office hours. */
public record WidgetConfig(
    UUID appId,
    String appKey,
    String name,
    List<String> allowedOrigins,
    boolean requireIdentityVerification,
    String themeColor,
    boolean available) {

  static WidgetConfig of(App app) {
    return new WidgetConfig(app.id(), app.appKey(), app.name(), app.allowedOrigins(),
        app.requireIdentityVerification(), app.themeColor(), app.isAvailableAt(Timestamps.now()));
  }
}
