package io.convot.web.member;

import io.convot.access.Role;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.member.Invitation;
import io.convot.member.MemberChanges;
import io.convot.member.MemberService;
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
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The team: list, invite, change role and permissions, remove. */
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

  public record InviteRequest(String email, String role) {}

  public record InvitationLink(String url, Instant expiresAt) {}

  public record InvitedMember(String id, String email, String role, String status, InvitationLink invitation) {
    static InvitedMember of(Invitation invitation) {
      return new InvitedMember(invitation.member().id().toString(), invitation.member().email(),
          invitation.member().role().wire(), invitation.member().status().name(),
          new InvitationLink(invitation.url(), invitation.expiresAt()));
    }
  }

  /** A change to a member (JSON Merge Patch): what is left out stays; neither field can be cleared. */
  public record MemberPatch(@NotNullable String role, @NotNullable Permissions permissions) {}

  public record Permissions(@NotNullable Boolean revenueAccess) {}

  @Inject MemberService members;

  @GET
  public Page<MemberView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return members.list(PageRequest.of(limit, cursor)).map(MemberView::of);
  }

  @GET
  @Path("{id}")
  public MemberView get(@PathParam("id") UUID id) {
    return MemberView.of(members.get(id));
  }

  @POST
  public Response invite(InviteRequest body, @Context UriInfo uri) {
    InviteRequest request = body == null ? new InviteRequest(null, null) : body;
    URI base = uri.getBaseUri();
    Invitation invitation = members.invite(request.email(), request.role(), base.getScheme() + "://" + base.getRawAuthority());
    return Response.status(Response.Status.CREATED).entity(InvitedMember.of(invitation)).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public MemberView update(@PathParam("id") UUID id, MemberPatch body) {
    var role = Optional.ofNullable(body.role()).map(value -> Role.parse(value, "role"));
    var revenueAccess = Optional.ofNullable(body.permissions()).map(Permissions::revenueAccess);
    return MemberView.of(members.update(id, new MemberChanges(role, revenueAccess)));
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") UUID id) {
    members.remove(id);
    return Response.noContent().build();
  }
}
