package io.convot.web.widget;

import io.convot.common.Validation;
import io.convot.widget.VisitorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /widget/v1/events}: a timeline event on the visitor's contact ({@code session:event}). */
@RateLimited
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetEventResource {

  /** {@code session:event}: a name, optional data and one of the timeline's colours. */
  public record EventBody(
      @NotBlank @Size(max = 100) String name,
      JsonObject data,
      @Pattern(regexp = "red|orange|yellow|green|blue|purple|pink|brown|grey|black",
          message = "must be one of red, orange, yellow, green, blue, purple, pink, brown, grey, black") String color) {

    /** The data as stored: JSON text of at most 4000 characters. */
    String dataText() {
      return data == null ? "{}" : data.toString();
    }
  }

  @Inject VisitorService visitors;

  @POST
  public Response event(EventBody body, @QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    Validation validation = new Validation();
    validation.require(body.dataText().length() <= 4000, "data", "too_long", "data is at most 4000 characters of JSON");
    validation.throwIfInvalid();
    visitors.addEvent(VisitorRequests.sessionToken(headers), appKey, body.name().trim(), body.dataText(), body.color());
    return Response.status(Response.Status.CREATED).build();
  }
}
