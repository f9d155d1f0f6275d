package io.convot.web.member;

import io.convot.access.Role;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.member.Invitation;
import io.convot.member.MemberChanges;
import io.convot.member.MemberService;
import io.convot.web.json.JsonFields;
import io.convot.web.json.MergePatch;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
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
  public Response invite(InviteRequest body) {
    InviteRequest request = body == null ? new InviteRequest(null, null) : body;
    Invitation invitation = members.invite(request.email(), request.role());
    return Response.status(Response.Status.CREATED).entity(InvitedMember.of(invitation)).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public MemberView update(@PathParam("id") UUID id, JsonObject body) {
    Validation validation = new Validation();
    JsonFields fields = new JsonFields(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, validation).onlyKnown("role", "permissions");
    var role = fields.string("role").map(value -> Role.parse(value, "role"));
    var revenueAccess = fields.object("permissions").flatMap(permissions -> permissions.onlyKnown("revenue_access").bool("revenue_access"));
    validation.throwIfInvalid();
    return MemberView.of(members.update(id, new MemberChanges(role, revenueAccess)));
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") UUID id) {
    members.remove(id);
    return Response.noContent().build();
  }
}
