package io.convot.web.app;

import io.convot.access.CurrentCaller;
import io.convot.app.AppChanges;
import io.convot.app.AppService;
import io.convot.app.NewApp;
import io.convot.app.OfficeHours;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.web.json.JsonFields;
import io.convot.web.json.MergePatch;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Apps: the Shopify apps that embed the widget. */
@Path("apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppResource {

  private static final String[] FIELDS = {"name", "allowed_origins", "require_identity_verification", "shopify_app_id",
      "theme_color", "office_hours"};

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
  public Response create(JsonObject body, @Context UriInfo uri) {
    Validation validation = new Validation();
    JsonFields fields = new JsonFields(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, validation).onlyKnown(FIELDS);
    NewApp request = new NewApp(fields.string("name").orElse(null), fields.strings("allowed_origins").orElse(null),
        fields.bool("require_identity_verification").orElse(null), fields.nullableString("shopify_app_id"),
        fields.nullableString("theme_color"), officeHours(fields, validation));
    validation.throwIfInvalid();
    AppView app = AppView.of(apps.create(request), showSecret());
    return Response.created(uri.getAbsolutePathBuilder().path(app.id()).build()).entity(app).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public AppView update(@PathParam("id") UUID id, JsonObject body) {
    Validation validation = new Validation();
    JsonFields fields = new JsonFields(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, validation).onlyKnown(FIELDS);
    AppChanges changes = new AppChanges(fields.string("name"), fields.strings("allowed_origins"),
        fields.bool("require_identity_verification"), fields.has("shopify_app_id"), fields.nullableString("shopify_app_id"),
        fields.string("theme_color"), fields.has("office_hours"), officeHours(fields, validation));
    validation.throwIfInvalid();
    return AppView.of(apps.update(id, changes), showSecret());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    apps.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/identity-secret/rotate")
  @Consumes(MediaType.WILDCARD)
  public AppView rotateIdentitySecret(@PathParam("id") UUID id) {
    return AppView.of(apps.rotateIdentitySecret(id), showSecret());
  }

  /** {@code office_hours}: an object, or null (always available). */
  private static OfficeHours officeHours(JsonFields fields, Validation validation) {
    if (!fields.has("office_hours") || fields.json().isNull("office_hours")) {
      return null;
    }
    return fields.object("office_hours").map(hours -> OfficeHours.parse(hours.json(), "office_hours", validation)).orElse(null);
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
