package io.convot.web.widget;

import io.convot.contact.ContactView;
import io.convot.web.json.NotNullable;
import io.convot.web.json.Scalars;
import io.convot.widget.SessionStart;
import io.convot.widget.VisitorProfile;
import io.convot.widget.VisitorService;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
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

  /** Starts (or resumes) a session for the app with the public key {@code app_id}. */
  public record SessionStartBody(@NotNull @NotNullable String appId, @NotNullable VisitorRequests.VisitorUser user,
      @NotNullable String userHash, @NotNullable @Scalars Map<String, JsonValue> data, @NotNullable List<String> segments,
      @NotNullable Boolean segmentsOverwrite) {}

  /** Tells more about the visitor of the current session. */
  public record SessionChangeBody(@NotNullable VisitorRequests.VisitorUser user, @NotNullable String userHash,
      @NotNullable @Scalars Map<String, JsonValue> data, @NotNullable List<String> segments, @NotNullable Boolean segmentsOverwrite) {}

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
  public Response start(SessionStartBody body, @Context HttpHeaders headers) {
    VisitorProfile visitor = VisitorRequests.visitor(body.user(), body.userHash(), body.data(), body.segments(), body.segmentsOverwrite());
    SessionStart start = visitors.start(body.appId(), visitor, VisitorRequests.sessionToken(headers));
    return Response.status(Response.Status.CREATED).entity(SessionView.of(start)).build();
  }

  @PATCH
  @Path("session")
  public SessionView update(SessionChangeBody body, @QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    VisitorProfile visitor = VisitorRequests.visitor(body.user(), body.userHash(), body.data(), body.segments(), body.segmentsOverwrite());
    return SessionView.of(visitors.update(VisitorRequests.sessionToken(headers), appKey, visitor));
  }
}
