package io.convot.web.shopify;

import io.convot.shopify.RevenueSummary;
import io.convot.shopify.ShopifyService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The revenue dashboard's figures: for owners and members with revenue access. */
@Path("revenue")
@Produces(MediaType.APPLICATION_JSON)
public class RevenueResource {

  @Inject ShopifyService shopify;

  @GET
  @Path("summary")
  public RevenueSummary summary() {
    return shopify.summary();
  }
}
