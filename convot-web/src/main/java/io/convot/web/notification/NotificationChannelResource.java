package io.convot.web.notification;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.notification.ChannelRequest;
import io.convot.notification.ChannelView;
import io.convot.notification.NotificationChannelService;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Slack and Discord channels told about conversations through their incoming-webhook URL (owners and admins). */
@Path("notification-channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationChannelResource {

  /**
   * {@code {"kind": "slack" | "discord", "url": ..., "events": [...], "app_ids": [...]}}; in a change,
   * a field left out stays (and {@code kind} cannot change).
   */
  public record ChannelBody(@NotNullable String kind, @NotNullable String url, @NotNullable List<String> events,
      @NotNullable List<UUID> appIds) {
    ChannelRequest request() {
      return new ChannelRequest(kind, url, events, appIds);
    }
  }

  @Inject NotificationChannelService channels;

  @GET
  @Operation(summary = "List the organization's Slack and Discord channels (never their URLs)")
  public Page<ChannelView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return channels.list(PageRequest.of(limit, cursor));
  }

  @POST
  @Operation(summary = "Add a Slack or Discord channel",
      description = "The URL is the channel's incoming webhook: https and public addresses only (as webhook URLs), stored sealed and"
          + " never returned (url_hint shows its host and last four characters). events: conversation.created, message.received,"
          + " conversation.assigned, conversation.resolved; app_ids empty means every app.")
  @APIResponse(responseCode = "201", description = "The channel")
  @APIResponse(responseCode = "422", description = "validation_failed: kind, url (invalid_url, forbidden_target, ...), events, app_ids")
  public Response create(ChannelBody body, @Context UriInfo uri) {
    ChannelView channel = channels.create(body.request());
    return Response.created(uri.getAbsolutePathBuilder().path(channel.id().toString()).build()).entity(channel).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one channel (never its URL)")
  public ChannelView get(@PathParam("id") UUID id) {
    return channels.get(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  @Operation(summary = "Change a channel", description = "A new url turns a channel Convot disabled on again.")
  public ChannelView update(@PathParam("id") UUID id, ChannelBody body) {
    return channels.update(id, body.request());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a channel")
  public Response delete(@PathParam("id") UUID id) {
    channels.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/test")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Post a test message to the channel",
      description = "Queued and sent like any notification; last_status tells what came of it.")
  @APIResponse(responseCode = "202", description = "Queued")
  @APIResponse(responseCode = "409", description = "conflict: the channel is disabled")
  public Response test(@PathParam("id") UUID id) {
    return Response.accepted(channels.sendTest(id)).build();
  }
}
