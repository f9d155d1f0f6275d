package io.convot.web.conversation;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.conversation.Conversation;
import io.convot.conversation.ConversationFilter;
import io.convot.conversation.ConversationService;
import io.convot.conversation.ConversationView;
import io.convot.conversation.MessageView;
import io.convot.web.QueryFilters;
import io.convot.web.json.JsonFields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Conversations: the inbox, assignment, resolve and reopen, and the messages of each. */
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

  /** An agent's reply, or a private note that only agents see. */
  public record ReplyBody(String text, @JsonbProperty("private") Boolean privateNote) {}

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
  public ConversationView assign(@PathParam("id") UUID id, JsonObject body) {
    Validation validation = new Validation();
    JsonFields fields = new JsonFields(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, validation).onlyKnown("member_id");
    validation.require(fields.has("member_id"), "member_id", "required", "member_id is required (null unassigns)");
    String memberId = fields.nullableString("member_id");
    validation.throwIfInvalid();
    QueryFilters ids = new QueryFilters();
    UUID member = ids.uuid("member_id", memberId);
    ids.check();
    return conversations.assign(id, member);
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
  public Page<MessageView> messages(@PathParam("id") UUID id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return conversations.messages(id, PageRequest.of(limit, cursor));
  }

  @POST
  @Path("{id}/messages")
  public Response reply(@PathParam("id") UUID id, ReplyBody body) {
    boolean privateNote = Boolean.TRUE.equals(body.privateNote());
    return Response.status(Response.Status.CREATED).entity(conversations.reply(id, body.text(), privateNote)).build();
  }

}
