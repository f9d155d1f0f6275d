package io.convot.widget;

import io.convot.app.App;
import java.util.List;
import java.util.UUID;

/** What the embed needs to know about an app before it shows anything. */
public record WidgetConfig(
    UUID appId,
    String appKey,
    String name,
    List<String> allowedOrigins,
    boolean requireIdentityVerification,
    boolean available) {

  static WidgetConfig of(App app) {
    return new WidgetConfig(app.id(), app.appKey(), app.name(), app.allowedOrigins(),
        app.requireIdentityVerification(), true);
  }
}
