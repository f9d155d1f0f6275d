package io.convot.web.shopify;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.shopify.ConnectRequest;
import io.convot.shopify.IntegrationView;
import io.convot.shopify.ShopFilter;
import io.convot.shopify.ShopView;
import io.convot.shopify.ShopifyConnections;
import io.convot.shopify.ShopifyService;
import io.convot.web.QueryFilters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Shopify Partner integration: connect, status, Sync now, disconnect, and the shops it learned. */
@Path("integrations/shopify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopifyResource {

  private enum Risk { low, medium, high }

  @Inject ShopifyConnections connections;
  @Inject ShopifyService shopify;

  /** Connects (or replaces the token of) the integration; the token is checked with Shopify first. */
  @PUT
  public IntegrationView connect(ConnectRequest body) {
    return connections.connect(body);
  }

  @GET
  public IntegrationView status() {
    return shopify.get();
  }

  @POST
  @Path("sync")
  @Consumes(MediaType.WILDCARD)
  public Response syncNow() {
    return Response.accepted(shopify.syncNow()).build();
  }

  @DELETE
  public Response disconnect() {
    shopify.disconnect();
    return Response.noContent().build();
  }

  @GET
  @Path("shops")
  public Page<ShopView> shops(@QueryParam("app_id") String appId, @QueryParam("churn_risk") String churnRisk,
      @QueryParam("installed") String installed, @QueryParam("myshopify_domain") String domain,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    ShopFilter filter = new ShopFilter(query.uuid("app_id", appId), name(query.oneOf("churn_risk", churnRisk, Risk.class)),
        query.bool("installed", installed), query.text(domain));
    query.check();
    return shopify.shops(filter, PageRequest.of(limit, cursor));
  }

  private static String name(Risk risk) {
    return risk == null ? null : risk.name();
  }
}
