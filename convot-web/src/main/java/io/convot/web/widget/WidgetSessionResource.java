package io.convot.web.widget;

import io.convot.common.Validation;
import io.convot.contact.ContactView;
import io.convot.web.json.JsonFields;
import io.convot.widget.SessionStart;
import io.convot.widget.VisitorProfile;
import io.convot.widget.VisitorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Visitor sessions: start or resume one, then tell Convot who the visitor is and what they do. */
@RateLimited
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetSessionResource {

  private static final String[] VISITOR_FIELDS = {"user", "user_hash", "data", "segments", "segments_overwrite"};

  /** A session as the widget sees it; a changed {@code session_token} means a different person. */
  public record SessionView(String sessionToken, UUID contactId, boolean verified, Map<String, Object> user,
      Map<String, jakarta.json.JsonValue> data, List<String> segments) {
    static SessionView of(SessionStart start) {
      ContactView contact = start.contact();
      Map<String, Object> user = new java.util.LinkedHashMap<>();
      user.put("email", contact.email());
      user.put("external_id", contact.externalId());
      user.put("nickname", contact.nickname());
      user.put("avatar", contact.avatar());
      user.put("phone", contact.phone());
      user.put("company", contact.company());
      return new SessionView(start.sessionToken(), contact.id(), start.verified(), user, contact.data(), contact.segments());
    }
  }

  @Inject VisitorService visitors;

  @POST
  @Path("sessions")
  public Response start(JsonObject body, @Context HttpHeaders headers) {
    Validation validation = new Validation();
    JsonFields fields = VisitorRequests.fields(body, validation, concat("app_id"));
    String appKey = fields.string("app_id").orElse(null);
    validation.require(appKey != null, "app_id", "required", "app_id is required");
    VisitorProfile visitor = VisitorRequests.visitor(fields, validation);
    validation.throwIfInvalid();
    SessionStart start = visitors.start(appKey, visitor, VisitorRequests.sessionToken(headers));
    return Response.status(Response.Status.CREATED).entity(SessionView.of(start)).build();
  }

  @PATCH
  @Path("session")
  public SessionView update(JsonObject body, @QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    Validation validation = new Validation();
    VisitorProfile visitor = VisitorRequests.visitor(VisitorRequests.fields(body, validation, VISITOR_FIELDS), validation);
    validation.throwIfInvalid();
    return SessionView.of(visitors.update(VisitorRequests.sessionToken(headers), appKey, visitor));
  }

  private static String[] concat(String field) {
    String[] all = java.util.Arrays.copyOf(VISITOR_FIELDS, VISITOR_FIELDS.length + 1);
    all[VISITOR_FIELDS.length] = field;
    return all;
  }
}
