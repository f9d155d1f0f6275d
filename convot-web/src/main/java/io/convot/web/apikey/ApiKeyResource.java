package io.convot.web.apikey;

import io.convot.apikey.ApiKey;
import io.convot.apikey.ApiKeyService;
import io.convot.common.Page;
import io.convot.common.PageRequest;
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
import java.time.Instant;
import java.util.UUID;

/** API keys: the key is in the creation response only; lists show its prefix. */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

  public record CreateRequest(String name) {}

  public record ApiKeyView(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
    static ApiKeyView of(ApiKey key) {
      return new ApiKeyView(key.id().toString(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt());
    }
  }

  public record CreatedApiKeyView(String id, String name, String key, String prefix, Instant createdAt) {
    static CreatedApiKeyView of(ApiKey.Created created) {
      ApiKey key = created.apiKey();
      return new CreatedApiKeyView(key.id().toString(), key.name(), created.key(), key.prefix(), key.createdAt());
    }
  }

  @Inject ApiKeyService keys;

  @GET
  public Page<ApiKeyView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return keys.list(PageRequest.of(limit, cursor)).map(ApiKeyView::of);
  }

  @POST
  public Response create(CreateRequest body) {
    String name = body == null ? null : body.name();
    return Response.status(Response.Status.CREATED).entity(CreatedApiKeyView.of(keys.create(name))).build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") UUID id) {
    keys.revoke(id);
    return Response.noContent().build();
  }
}
