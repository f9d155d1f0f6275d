package io.convot.web.widget;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.conversation.VisitorMessageView;
import io.convot.widget.VisitorService;
import io.convot.web.json.NotNullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /widget/v1/messages}: the visitor's side of their conversations. One instance serves every
 * request (it holds nothing of a request's): the path a visitor's message takes constructs no
 * resource and injects nothing per request.
 */
@ApplicationScoped
@RateLimited
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetMessageResource {

  /**
   * A visitor's message; the service says what text it takes. The first message of a conversation
   * carries the answers to the app's pre-chat questions, {@code {question_id: answer}}.
   */
  public record MessageBody(String text, @NotNullable JsonObject qualificationAnswers) {}

  @Inject VisitorService visitors;

  @GET
  public Page<VisitorMessageView> messages(@QueryParam("app_id") String appKey, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
    return visitors.messages(VisitorRequests.sessionToken(headers), appKey, PageRequest.of(limit, cursor));
  }

  @POST
  public Response send(MessageBody body, @QueryParam("app_id") String appKey, @Context HttpHeaders headers) {
    VisitorMessageView message = visitors.send(VisitorRequests.sessionToken(headers), appKey, body.text(),
        body.qualificationAnswers());
    return Response.status(Response.Status.CREATED).entity(message).build();
  }
}
