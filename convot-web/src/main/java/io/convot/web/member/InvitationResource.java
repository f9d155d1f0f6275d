package io.convot.web.member;

import io.convot.auth.AuthService;
import io.convot.auth.Session;
import io.convot.web.auth.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Accepting an invitation: the invitee sets a name and password and is signed in. */
@Path("invitations/{token}/accept")
@Public
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

  public record AcceptRequest(String name, String password) {}

  public record Accepted(MemberView member, String token, Instant expiresAt) {
    static Accepted of(Session session) {
      return new Accepted(MemberView.of(session.member()), session.token().token(), session.token().expiresAt());
    }
  }

  @Inject AuthService auth;

  @POST
  public Accepted accept(@PathParam("token") String token, AcceptRequest body) {
    AcceptRequest request = body == null ? new AcceptRequest(null, null) : body;
    return Accepted.of(auth.acceptInvitation(token, request.name(), request.password()));
  }
}
