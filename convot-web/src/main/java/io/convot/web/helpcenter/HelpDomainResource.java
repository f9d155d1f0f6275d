package io.convot.web.helpcenter;

import io.convot.helpcenter.DomainService;
import io.convot.helpcenter.DomainView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The custom domain an app's help center is served on, and its DNS verification. */
@Path("apps/{appId}/help-center/domain")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HelpDomainResource {

  /** The hostname to serve the help center on, such as {@code help.example.com}. */
  public record DomainBody(String hostname) {}

  @Inject DomainService domains;

  @GET
  @Operation(summary = "The app's custom domain", description = "Its record to create, status and explanation; 404 when none is set.")
  public DomainView get(@PathParam("appId") UUID appId) {
    return domains.get(appId);
  }

  @PUT
  @Operation(summary = "Set the app's custom domain",
      description = "Owners and admins. A new hostname is `pending` until verified; the answer names the CNAME record to create"
          + " (its value is the configured help-center host). A hostname another app verified is 409 `hostname_taken`.")
  public DomainView set(@PathParam("appId") UUID appId, DomainBody body) {
    return domains.set(appId, body.hostname());
  }

  @DELETE
  @Operation(summary = "Remove the app's custom domain", description = "Owners and admins; the help center stops answering on it.")
  public Response remove(@PathParam("appId") UUID appId) {
    domains.remove(appId);
    return Response.noContent().build();
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Verify the domain setup",
      description = "Looks the CNAME record up in DNS now: `verified` when it points at the help-center host, `missing` when there"
          + " is no record, `error` when there is another one (an A record, another value, the zone name appended, the zone apex),"
          + " each with an explanation. When DNS does not answer, the status stays and the explanation says so.")
  public DomainView verify(@PathParam("appId") UUID appId) {
    return domains.verify(appId);
  }
}
