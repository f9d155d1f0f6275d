package io.convot.web.me;

import io.convot.auth.AuthService;
import io.convot.availability.MemberAvailability;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import jakarta.validation.constraints.NotNull;
import io.convot.auth.Identity;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.web.member.MemberView;
import io.convot.web.ratelimit.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Who the token speaks for, and the signed-in member's password. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  public record OrganizationView(String id, String name) {}

  public record ApiKeyRef(String id) {}

  /** {@code {"current_password": ..., "new_password": ...}}. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  /** {@code {"availability": "available" | "away"}}. */
  public record MeChange(@NotNull @NotNullable String availability) {}

  public record MeView(MemberView member, OrganizationView organization, ApiKeyRef apiKey) {
    static MeView of(Identity identity) {
      return new MeView(identity.member() == null ? null : MemberView.of(identity.member()),
          new OrganizationView(identity.organization().id().toString(), identity.organization().name()),
          identity.member() == null ? new ApiKeyRef(identity.caller().credentialId()) : null);
    }
  }

  @Inject AuthService auth;
  @Inject MemberAvailability availability;
  @Inject ClientAddresses clients;
  @Context HttpServletRequest servletRequest;

  @GET
  public MeView me() {
    return MeView.of(auth.me());
  }

  /** {@code PATCH /me}: the member sets themselves available or away. */
  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  @Operation(summary = "Set the signed-in member available or away",
      description = "An app is available to chat when its office hours are open and at least one member has the dashboard open"
          + " and is available; the app's open widgets hear a change at once (website:availability:changed).")
  @APIResponse(responseCode = "200", description = "The member as now")
  @APIResponse(responseCode = "403", description = "sign_in_required (an API key)")
  @APIResponse(responseCode = "422", description = "validation_failed: availability (available or away)")
  public MeView change(MeChange body) {
    availability.set(body.availability());
    return MeView.of(auth.me());
  }

  /** {@code POST /me/password}: ends every other token of the member; the one sending this keeps working. */
  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the signed-in member's password",
      description = "The token sending this keeps working; every other token of the member ends at once, live connections included."
          + " Wrong current passwords are throttled like failed sign-ins: past 10 per member (or the failures allowed per"
          + " client address) in 15 minutes, a 429 rate_limited with Retry-After, before the password is checked.")
  @APIResponse(responseCode = "204", description = "Changed")
  @APIResponse(responseCode = "403", description = "sign_in_required (an integration token)")
  @APIResponse(responseCode = "422", description = "validation_failed: current_password (incorrect), new_password (the sign-up rule, unchanged);"
      + " not_a_session_token (an API key)")
  public Response changePassword(PasswordChange body) {
    if (body == null) {
      throw new ConvotException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
    }
    auth.changePassword(body.currentPassword(), body.newPassword(), clients.of(servletRequest));
    return Response.noContent().build();
  }
}
