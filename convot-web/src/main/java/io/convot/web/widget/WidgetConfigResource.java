package io.convot.web.widget;

import io.convot.widget.WidgetConfig;
import io.convot.widget.WidgetService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /widget/v1/config?app_id=...}: what the embed needs before it shows anything. The
 * visitor's country comes from the header a proxy in front of Convot sets
 * ({@code convot.widget.country-header}, {@code CF-IPCountry} by default); without it the launcher
 * shows everywhere.
 */
@RateLimited
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetConfigResource {

  @Inject WidgetService widget;

  @Inject
  @ConfigProperty(name = "convot.widget.country-header", defaultValue = "CF-IPCountry")
  String countryHeader;

  @GET
  public WidgetConfigView config(@QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    String country = countryHeader.isBlank() ? null : headers.getHeaderString(countryHeader);
    return WidgetConfigView.of(widget.config(appKey, country));
  }

  /**
   * The public part of an app's configuration (no secret, no allowed-origin list): {@code shown} is
   * false when the app's countries leave this visitor out; {@code widget} the settings, with their
   * defaults; the pre-chat questions and their rule.
   */
  public record WidgetConfigView(String appId, String name, boolean requireIdentityVerification, String themeColor,
      boolean available, boolean shown, JsonObject widget, JsonArray qualificationQuestions, JsonObject qualificationRule) {
    static WidgetConfigView of(WidgetConfig config) {
      return new WidgetConfigView(config.appKey(), config.name(), config.requireIdentityVerification(), config.themeColor(),
          config.available(), config.shown(), config.settings().toJson(), config.qualification().questionsJson(),
          config.qualification().ruleJson());
    }
  }
}
