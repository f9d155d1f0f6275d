package io.convot.web.app;

import io.convot.access.CurrentCaller;
import io.convot.app.AppChanges;
import io.convot.app.AppService;
import io.convot.app.NewApp;
import io.convot.app.OfficeHours;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.web.json.Clearable;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Apps: the Shopify apps that embed the widget. */
@Path("apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppResource {

  /** A new app; {@code shopify_app_id}, {@code theme_color} and {@code office_hours} may be null (none). */
  public record NewAppBody(@NotNullable String name, @NotNullable List<String> allowedOrigins,
      @NotNullable Boolean requireIdentityVerification,
      @Clearable(String.class) @Schema(ref = AppDocumentation.SHOPIFY_APP_ID) JsonValue shopifyAppId, String themeColor,
      @Clearable(JsonObject.class) @Schema(ref = AppDocumentation.OFFICE_HOURS) JsonValue officeHours) {}

  /**
   * A change to an app (JSON Merge Patch): null clears {@code shopify_app_id} and {@code office_hours}, nothing else;
   * {@code widget} merges into the widget settings (a member set to null goes back to its default);
   * {@code qualification_questions} and {@code qualification_rule} replace the app's.
   */
  public record AppPatch(@NotNullable String name, @NotNullable List<String> allowedOrigins,
      @NotNullable Boolean requireIdentityVerification,
      @Clearable(String.class) @Schema(ref = AppDocumentation.SHOPIFY_APP_ID) JsonValue shopifyAppId,
      @NotNullable String themeColor,
      @Clearable(JsonObject.class) @Schema(ref = AppDocumentation.OFFICE_HOURS) JsonValue officeHours,
      @NotNullable @Schema(ref = AppDocumentation.WIDGET_SETTINGS) JsonObject widget,
      @NotNullable @Schema(ref = AppDocumentation.QUALIFICATION_QUESTIONS) JsonArray qualificationQuestions,
      @NotNullable @Schema(ref = AppDocumentation.QUALIFICATION_RULE) JsonObject qualificationRule) {}

  @Inject AppService apps;
  @Inject CurrentCaller caller;

  @GET
  public Page<AppView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    boolean showSecret = showSecret();
    return apps.list(PageRequest.of(limit, cursor)).map(app -> AppView.of(app, showSecret));
  }

  @GET
  @Path("{id}")
  public AppView get(@PathParam("id") UUID id) {
    return AppView.of(apps.get(id), showSecret());
  }

  @POST
  public Response create(NewAppBody body, @Context UriInfo uri) {
    Validation validation = new Validation();
    NewApp request = new NewApp(body.name(), body.allowedOrigins(), body.requireIdentityVerification(), text(body.shopifyAppId()),
        body.themeColor(), officeHours(body.officeHours(), validation));
    validation.throwIfInvalid();
    AppView app = AppView.of(apps.create(request), showSecret());
    return Response.created(uri.getAbsolutePathBuilder().path(app.id()).build()).entity(app).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public AppView update(@PathParam("id") UUID id, AppPatch body) {
    Validation validation = new Validation();
    AppChanges changes = new AppChanges(Optional.ofNullable(body.name()), Optional.ofNullable(body.allowedOrigins()),
        Optional.ofNullable(body.requireIdentityVerification()), body.shopifyAppId() != null, text(body.shopifyAppId()),
        Optional.ofNullable(body.themeColor()), body.officeHours() != null, officeHours(body.officeHours(), validation),
        Optional.ofNullable(body.widget()), Optional.ofNullable(body.qualificationQuestions()),
        Optional.ofNullable(body.qualificationRule()));
    validation.throwIfInvalid();
    return AppView.of(apps.update(id, changes), showSecret());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an app, after a grace period",
      description = "The app's widget refuses visitors at once (403 widget_unavailable), its visitors' live connections end, its"
          + " Shopify sync stops and its settings can no longer change (409 app_deleted); it stays listed with `deleted_at` and"
          + " `purge_after`, its conversations and contacts readable. At `purge_after` (7 days) the deletion job removes it and"
          + " everything it holds, unless it is restored first.")
  public Response delete(@PathParam("id") UUID id) {
    apps.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/restore")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Restore a deleted app during its grace period",
      description = "The widget works again at once (visitors start new sessions); restoring an app that is not deleted changes nothing.")
  public AppView restore(@PathParam("id") UUID id) {
    return AppView.of(apps.restore(id), showSecret());
  }

  @POST
  @Path("{id}/identity-secret/rotate")
  @Consumes(MediaType.WILDCARD)
  public AppView rotateIdentitySecret(@PathParam("id") UUID id) {
    return AppView.of(apps.rotateIdentitySecret(id), showSecret());
  }

  /** {@code office_hours}: an object, or null (always available); its own rules are the domain's. */
  private static OfficeHours officeHours(JsonValue hours, Validation validation) {
    return hours instanceof JsonObject object ? OfficeHours.parse(object, "office_hours", validation) : null;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }

  private boolean showSecret() {
    return caller.get().role().canManage();
  }

  @GET
  @Path("{id}/snippet")
  @Operation(summary = "The app's widget snippet, ready to paste",
      description = "The two script tags (loading the widget from Convot's public URL), the identify call, and backend examples"
          + " (Node.js, Ruby, PHP, Python) computing `user_hash` with the identity secret read from `CONVOT_IDENTITY_SECRET`;"
          + " the secret itself is never included. Every member may read it.")
  public SnippetView snippet(@PathParam("id") UUID id, @Context UriInfo uri) {
    URI base = uri.getBaseUri();
    return SnippetView.of(apps.snippet(id, base.getScheme() + "://" + base.getRawAuthority()));
  }
}
