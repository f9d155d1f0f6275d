package io.convot.web.widget;

import io.convot.common.Validation;
import io.convot.web.json.JsonFields;
import io.convot.widget.VisitorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/** {@code POST /widget/v1/events}: a timeline event on the visitor's contact ({@code session:event}). */
@RateLimited
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetEventResource {

  private static final Set<String> COLORS = Set.of("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "grey", "black");

  @Inject VisitorService visitors;

  @POST
  public Response event(JsonObject body, @QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    Validation validation = new Validation();
    JsonFields fields = VisitorRequests.fields(body, validation, "name", "data", "color");
    String name = fields.string("name").orElse(null);
    validation.text(name, "name", 100);
    String data = fields.objectText("data").orElse("{}");
    validation.require(data.length() <= 4000, "data", "too_long", "data is at most 4000 characters of JSON");
    String color = fields.string("color").orElse(null);
    validation.require(color == null || COLORS.contains(color), "color", "invalid_value", "color is one of " + String.join(", ", COLORS));
    validation.throwIfInvalid();
    visitors.addEvent(VisitorRequests.sessionToken(headers), appKey, name.trim(), data, color);
    return Response.status(Response.Status.CREATED).build();
  }
}
