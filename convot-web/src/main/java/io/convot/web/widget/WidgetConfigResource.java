package io.convot.web.widget;

import io.convot.widget.WidgetConfig;
import io.convot.widget.WidgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /widget/v1/config?app_id=...}: what the embed needs before it shows anything. */
@RateLimited
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetConfigResource {

  @Inject WidgetService widget;

  @GET
  public WidgetConfigView config(@QueryParam("app_id") String appKey) {
    return WidgetConfigView.of(widget.config(appKey));
  }

  /** The public part of an app's configuration (no secret, no allowed-origin list). */
  public record WidgetConfigView(String appId, String name, boolean requireIdentityVerification, String themeColor,
      boolean available) {
    static WidgetConfigView of(WidgetConfig config) {
      return new WidgetConfigView(config.appKey(), config.name(), config.requireIdentityVerification(), config.themeColor(),
          config.available());
    }
  }
}
