package io.convot.shopify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Shopify Partner API's one endpoint: GraphQL. A client is built per Partner organization, on
 * {@code <base>/<partner organization id>/api/<version>/}.
 */
public interface PartnerApi {

  @POST
  @Path("graphql.json")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response graphql(@HeaderParam("X-Shopify-Access-Token") String accessToken, String body);
}
