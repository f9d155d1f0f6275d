package io.convot.shopify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Shopify Partner API's one endpoint: GraphQL, per Partner organization and API version. */
@Path("/")
public interface PartnerApi {

  @POST
  @Path("{organization}/api/{version}/graphql.json")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response graphql(@PathParam("organization") String partnerOrganizationId, @PathParam("version") String version,
                   @HeaderParam("X-Shopify-Access-Token") String accessToken, String body);
}
