package io.convot.web.webhook;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.web.QueryFilters;
import io.convot.webhook.EndpointRequest;
import io.convot.webhook.WebhookDelivery;
import io.convot.webhook.WebhookDeliveryView;
import io.convot.webhook.WebhookEndpointView;
import io.convot.webhook.WebhookService;
import io.convot.web.json.MergePatch;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook endpoints: where events go, their secrets, test sends, the delivery log and redelivery. */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

  /** An endpoint's settings; on an update, an absent or null field keeps its value. */
  public record EndpointBody(String url, List<String> events, List<UUID> appIds, String description) {
    EndpointRequest request() {
      return new EndpointRequest(url, events, appIds, description);
    }
  }

  /** Redeliver what failed since this time. */
  public record ReplayBody(@NotNull Instant since) {}

  /** The delivery log's order: oldest first by default, newest first for a person reading it. */
  private enum Order { oldest, newest }

  @Inject WebhookService webhooks;

  @GET
  public Page<WebhookEndpointView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return webhooks.list(PageRequest.of(limit, cursor));
  }

  @POST
  public Response create(EndpointBody body, @Context UriInfo uri) {
    WebhookEndpointView endpoint = webhooks.create(body.request());
    return Response.created(uri.getAbsolutePathBuilder().path(endpoint.id().toString()).build()).entity(endpoint).build();
  }

  @GET
  @Path("{id}")
  public WebhookEndpointView get(@PathParam("id") UUID id) {
    return webhooks.get(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public WebhookEndpointView update(@PathParam("id") UUID id, EndpointBody body) {
    return webhooks.update(id, body.request());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secret/rotate")
  @Consumes(MediaType.WILDCARD)
  public WebhookEndpointView rotateSecret(@PathParam("id") UUID id) {
    return webhooks.rotateSecret(id);
  }

  @POST
  @Path("{id}/disable")
  @Consumes(MediaType.WILDCARD)
  public WebhookEndpointView disable(@PathParam("id") UUID id) {
    return webhooks.disable(id);
  }

  @POST
  @Path("{id}/enable")
  @Consumes(MediaType.WILDCARD)
  public WebhookEndpointView enable(@PathParam("id") UUID id) {
    return webhooks.enable(id);
  }

  @POST
  @Path("{id}/test")
  @Consumes(MediaType.WILDCARD)
  public Response test(@PathParam("id") UUID id) {
    return Response.accepted(webhooks.sendTest(id)).build();
  }

  @GET
  @Path("{id}/deliveries")
  public Page<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("event_type") String eventType,
      @QueryParam("status") String status, @QueryParam("since") String since, @QueryParam("order") String order,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    WebhookDelivery.Status wanted = query.oneOf("status", status, WebhookDelivery.Status.class);
    Instant from = query.instant("since", since);
    boolean newestFirst = query.oneOf("order", order, Order.class) == Order.newest;
    query.check();
    return webhooks.deliveries(id, query.text(eventType), wanted, from, newestFirst, PageRequest.of(limit, cursor));
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/retry")
  @Consumes(MediaType.WILDCARD)
  public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
    return Response.accepted(webhooks.retry(id, deliveryId)).build();
  }

  @POST
  @Path("{id}/replay")
  public Response replay(@PathParam("id") UUID id, ReplayBody body) {
    return Response.accepted(Map.of("redelivered", webhooks.replay(id, body.since()))).build();
  }
}
