package io.convot.web.me;

import io.convot.auth.AuthService;
import io.convot.auth.Identity;
import io.convot.web.member.MemberView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the token speaks for. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  public record OrganizationView(String id, String name) {}

  public record ApiKeyRef(String id) {}

  public record MeView(MemberView member, OrganizationView organization, ApiKeyRef apiKey) {
    static MeView of(Identity identity) {
      return new MeView(identity.member() == null ? null : MemberView.of(identity.member()),
          new OrganizationView(identity.organization().id().toString(), identity.organization().name()),
          identity.member() == null ? new ApiKeyRef(identity.caller().credentialId()) : null);
    }
  }

  @Inject AuthService auth;

  @GET
  public MeView me() {
    return MeView.of(auth.me());
  }
}
