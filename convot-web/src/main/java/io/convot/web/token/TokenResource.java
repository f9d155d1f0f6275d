package io.convot.web.token;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.auth.IntegrationTokenService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** JWTs for integrations: issued by owners and admins, shown once, listed by name, revocable. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

  @Inject IntegrationTokenService tokens;

  @POST
  @Operation(summary = "Issue a JWT for an integration",
      description = "Acts as the calling owner or admin. `expires_in` (seconds, 60 up to the sign-in lifetime, 60 days by default)."
          + " The token is in this response only.")
  @APIResponse(responseCode = "201", description = "The token, shown once")
  @APIResponse(responseCode = "403", description = "insufficient_role (agents) or sign_in_required (API keys, integration tokens)")
  @APIResponse(responseCode = "422", description = "validation_failed: name, expires_in")
  public Response issue(IssueTokenRequest body, @Context UriInfo uri) {
    if (body == null) {
      throw new ConvotException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
    }
    IssuedTokenView issued = IssuedTokenView.of(tokens.issue(body.name(), body.expiresIn()));
    return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build()).entity(issued).build();
  }

  @GET
  @Operation(summary = "List the organization's integration tokens (never their values)",
      description = "An expired token stays listed with `expired: true` until 30 days after its `expires_at`"
          + " (`CONVOT_AUTH_EXPIRED_TOKEN_RETENTION`), then it is deleted.")
  public Page<TokenView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return tokens.list(PageRequest.of(limit, cursor)).map(TokenView::of);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one integration token (never its value)")
  public TokenView get(@PathParam("id") UUID id) {
    return TokenView.of(tokens.get(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke an integration token at once")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "not_found: unknown, already revoked, or another organization's")
  public Response revoke(@PathParam("id") UUID id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }
}
