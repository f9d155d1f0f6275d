package io.convot.web.conversation;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.conversation.Conversation;
import io.convot.conversation.ConversationFilter;
import io.convot.conversation.ConversationService;
import io.convot.conversation.ConversationView;
import io.convot.conversation.MessageView;
import io.convot.conversation.NewConversation;
import io.convot.conversation.StartedConversation;
import io.convot.web.QueryFilters;
import io.convot.web.json.Given;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Conversations: the inbox, assignment, resolve and reopen, and the messages of each. */
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

  /** An agent's reply, or a private note that only agents see. */
  public record ReplyBody(String text, @JsonbProperty("private") Boolean privateNote) {}

  /** Whom to assign to; {@code null} unassigns, so it must be given even then. */
  public record AssignBody(@Given("is required (null unassigns)") UUID memberId) {}

  @Inject ConversationService conversations;

  @GET
  public Page<ConversationView> list(@QueryParam("app_id") String appId, @QueryParam("status") String status,
      @QueryParam("assignee_id") String assigneeId, @QueryParam("contact_id") String contactId,
      @QueryParam("updated_since") String updatedSince, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    boolean unassigned = "none".equals(assigneeId);
    ConversationFilter filter = new ConversationFilter(query.uuid("app_id", appId),
        query.oneOf("status", status, Conversation.Status.class), unassigned ? null : query.uuid("assignee_id", assigneeId),
        unassigned, query.uuid("contact_id", contactId), query.instant("updated_since", updatedSince));
    query.check();
    return conversations.list(filter, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{id}")
  public ConversationView get(@PathParam("id") UUID id) {
    return conversations.get(id);
  }

  @POST
  @Path("{id}/assign")
  public ConversationView assign(@PathParam("id") UUID id, AssignBody body) {
    return conversations.assign(id, body.memberId());
  }

  @POST
  @Path("{id}/resolve")
  @Consumes(MediaType.WILDCARD)
  public ConversationView resolve(@PathParam("id") UUID id) {
    return conversations.resolve(id);
  }

  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.WILDCARD)
  public ConversationView reopen(@PathParam("id") UUID id) {
    return conversations.reopen(id);
  }

  @GET
  @Path("{id}/messages")
  public Page<MessageView> messages(@PathParam("id") UUID id, @QueryParam("updated_since") String updatedSince,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    Instant since = query.instant("updated_since", updatedSince);
    query.check();
    return conversations.messages(id, since, PageRequest.of(limit, cursor));
  }

  @POST
  @Path("{id}/messages")
  public Response reply(@PathParam("id") UUID id, ReplyBody body) {
    boolean privateNote = Boolean.TRUE.equals(body.privateNote());
    return Response.status(Response.Status.CREATED).entity(conversations.reply(id, body.text(), privateNote)).build();
  }

  @POST
  @Operation(summary = "Start a conversation with a contact (agent-initiated)",
      description = "With `contact_id`, or with `app_id` and `email` (the app's contact with that email, or a new one),"
          + " and `text`, the first agent message (never a private note). Fires `conversation.created` and `message.sent`"
          + " (and `contact.created`, `contact.identified` for a new contact).")
  @APIResponse(responseCode = "201", description = "`{conversation, message}`")
  @APIResponse(responseCode = "422", description = "validation_failed: contact_id (unknown_contact), app_id (unknown_app), email, text")
  public Response start(StartConversationRequest body, @Context UriInfo uri) {
    if (body == null) {
      throw new ConvotException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
    }
    QueryFilters ids = new QueryFilters();
    NewConversation request = new NewConversation(ids.uuid("contact_id", body.contactId()), ids.uuid("app_id", body.appId()),
        body.email(), body.text());
    ids.check();
    StartedConversation started = conversations.start(request);
    return Response.created(uri.getAbsolutePathBuilder().path(started.conversation().id().toString()).build()).entity(started).build();
  }

  @POST
  @Path("{id}/unassign")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Unassign a conversation",
      description = "The same as assign with `member_id: null`: `conversation.assigned` with a null assignee when it was assigned.")
  public ConversationView unassign(@PathParam("id") UUID id) {
    return conversations.unassign(id);
  }
}
