package io.convot.web.widget;

import io.convot.web.SharedProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The widget's public API, {@code /widget/v1}: called by the embed on the host page and by the chat
 * frame. Visitors authenticate with a session token, never a member's credentials.
 */
@ApplicationPath("/widget/v1")
public class WidgetApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(SharedProviders.CLASSES);
    classes.addAll(Set.of(WidgetOrigins.class, WidgetRateLimits.class, WidgetConfigResource.class, WidgetSessionResource.class,
        WidgetEventResource.class, WidgetMessageResource.class, HelpResource.class));
    classes.add(io.convot.web.widget.asset.WidgetAssetResource.class);
    return classes;
  }
}
