package io.convot.web.conversation;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.conversation.Conversation;
import io.convot.conversation.ConversationCounts;
import io.convot.conversation.ConversationFilter;
import io.convot.conversation.ConversationService;
import io.convot.conversation.ConversationView;
import io.convot.conversation.InboxConversationView;
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

/**
 * Conversations: the inbox (the list, newest activity first, with each one's latest message and
 * unread count, the counts of its views, read markers), assignment, resolve and reopen, and the
 * messages of each. The list and the read add inbox fields to the conversation that events carry;
 * changes answer that conversation as events carry it.
 */
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
  @Operation(summary = "List conversations, newest activity first",
      description = "Ordered by the latest message's time (a note included), else the creation's, newest first, then by id;"
          + " `next_cursor` pages on. A conversation that gets a message while you page moves above the cursor: live"
          + " updates (or `updated_since`) tell you about it. The inbox's views are filters: `status=open`,"
          + " `assignee_id=me` (the calling member; a member's id works too), `assignee_id=none` (unassigned),"
          + " `status=resolved`, each with `app_id` if wanted. Each item adds to the conversation `last_activity_at`,"
          + " `last_message` (`{id, from, private, text, created_at}` of the latest message, a note included, its text cut"
          + " to 200 characters and null once deleted; null without messages), `unread_count` (visitor messages after the"
          + " calling member's read marker, deleted ones left out; null for an API key) and `waiting_since` (the first"
          + " visitor message after the team's last reply, notes and deleted messages left out; null when answered)."
          + " Errors: 400 invalid_cursor; 422 validation_failed on app_id, assignee_id (invalid_id, or not_a_member for `me`"
          + " with an API key), contact_id, status, updated_since, limit.")
  public Page<InboxConversationView> list(@QueryParam("app_id") String appId, @QueryParam("status") String status,
      @QueryParam("assignee_id") String assigneeId, @QueryParam("contact_id") String contactId,
      @QueryParam("updated_since") String updatedSince, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    boolean unassigned = "none".equals(assigneeId);
    boolean mine = "me".equals(assigneeId);
    ConversationFilter filter = new ConversationFilter(query.uuid("app_id", appId),
        query.oneOf("status", status, Conversation.Status.class), unassigned || mine ? null : query.uuid("assignee_id", assigneeId),
        unassigned, mine, query.uuid("contact_id", contactId), query.instant("updated_since", updatedSince));
    query.check();
    return conversations.list(filter, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("counts")
  @Operation(summary = "Count the inbox's views for the calling member",
      description = "`{open, mine, unassigned, resolved, waiting, unread}`, in one app with `app_id`. `open`, `mine` (assigned"
          + " to the caller), `unassigned` and `waiting` (the visitor wrote after the team's last reply) count open"
          + " conversations; `resolved` resolved ones; `unread` those of any status with a visitor message after the"
          + " caller's read marker. `mine` and `unread` are null for an API key, which is no member. An unusable `app_id`"
          + " is a 422 validation_failed (invalid_id).")
  public ConversationCounts counts(@QueryParam("app_id") String appId) {
    QueryFilters query = new QueryFilters();
    UUID app = query.uuid("app_id", appId);
    query.check();
    return conversations.counts(app);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a conversation", description = "With `last_activity_at`, `last_message`, `unread_count` and"
      + " `waiting_since`, as in the list.")
  public InboxConversationView get(@PathParam("id") UUID id) {
    return conversations.get(id);
  }

  @POST
  @Path("{id}/read")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Mark a conversation read for the calling member",
      description = "Up to its latest message: its `unread_count` is then 0 for this member (and only for them) until the"
          + " visitor writes again. A marker never moves back.")
  @APIResponse(responseCode = "204", description = "Marked")
  @APIResponse(responseCode = "403", description = "sign_in_required: an API key is no member and keeps no read marker")
  @APIResponse(responseCode = "404", description = "not_found: unknown, or another organization's")
  public Response markRead(@PathParam("id") UUID id) {
    conversations.markRead(id);
    return Response.noContent().build();
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
