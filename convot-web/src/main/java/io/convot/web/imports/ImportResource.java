package io.convot.web.imports;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.imports.ImportRequest;
import io.convot.imports.ImportService;
import io.convot.imports.ImportStarts;
import io.convot.imports.ImportView;
import io.convot.web.QueryFilters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Imports from Crisp: start one (checked with Crisp first), follow it, list them, cancel one. */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImportResource {

  @Inject ImportStarts starts;
  @Inject ImportService imports;

  @POST
  @Operation(summary = "Start an import from Crisp (202): the credentials are checked with Crisp first, and nothing is stored when it refuses them")
  public Response start(ImportRequest body, @Context UriInfo uri) {
    ImportView started = starts.start(body);
    return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(started.id().toString()).build()).build();
  }

  @GET
  @Operation(summary = "The organization's imports, newest first")
  public Page<ImportView> list(@QueryParam("app_id") String appId, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    QueryFilters query = new QueryFilters();
    UUID app = query.uuid("app_id", appId);
    query.check();
    return imports.list(app, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{id}")
  public ImportView get(@PathParam("id") UUID id) {
    return imports.get(id);
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Stop an import that has not ended; what it stored stays")
  public ImportView cancel(@PathParam("id") UUID id) {
    return imports.cancel(id);
  }
}
