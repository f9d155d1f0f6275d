package io.convot.web.organization;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.lifecycle.ExportService;
import io.convot.lifecycle.OrganizationExport;
import io.convot.lifecycle.OrganizationLifecycle;
import io.convot.lifecycle.OrganizationStatus;
import io.convot.web.ratelimit.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The organization's lifecycle, for its owners: cancel, reactivate, export its data. */
@Path("organization")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  /** {@code {"password": ...}}: the owner's password, asked again. */
  public record Cancellation(String password) {}

  /** The organization's state: {@code active}, or {@code cancelled} with when its data will be deleted. */
  public record StatusView(String status, Instant cancelledAt, Instant purgeAfter) {
    static StatusView of(OrganizationStatus status) {
      return new StatusView(status.status(), status.cancelledAt(), status.purgeAfter());
    }
  }

  /** An export and its progress ({@code progress} 0-100); {@code download_url} once ready. */
  public record ExportView(String id, String status, int progress, long recordsWritten, Long recordsTotal, Long sizeBytes,
      String sha256, String error, Instant createdAt, Instant finishedAt, Instant expiresAt, String downloadUrl) {
    static ExportView of(OrganizationExport export) {
      return new ExportView(export.id().toString(), export.status(), export.progress(), export.recordsWritten(),
          export.recordsTotal(), export.sizeBytes(), export.sha256(), export.error(), export.createdAt(), export.finishedAt(),
          export.expiresAt(), export.isReady() ? "/api/v1/organization/exports/" + export.id() + "/download" : null);
    }
  }

  @Inject OrganizationLifecycle lifecycle;
  @Inject ExportService exports;
  @Inject ClientAddresses clients;
  @Context HttpServletRequest servletRequest;

  @GET
  @Operation(summary = "The organization's state: active, or cancelled and when its data will be deleted")
  public StatusView status() {
    return StatusView.of(lifecycle.status());
  }

  @POST
  @Path("cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Cancel the organization (owners, with their password)",
      description = "Starts the grace period (30 days by default): the organization becomes read-only for its members (changes are"
          + " 409 organization_cancelled; reading, exporting, signing out and reactivating still work), widgets show nothing,"
          + " webhooks and Shopify syncs stop, and every owner gets a mail with the date and how to undo it. At `purge_after`"
          + " every row of the organization is deleted. Wrong passwords are throttled like password changes (429 rate_limited)."
          + " Cancelling a cancelled organization changes nothing.")
  @APIResponse(responseCode = "200", description = "Cancelled: the state, with `purge_after`")
  @APIResponse(responseCode = "403", description = "insufficient_role (not an owner); sign_in_required (an API key or integration token)")
  @APIResponse(responseCode = "422", description = "validation_failed: password (required, incorrect)")
  public StatusView cancel(Cancellation body) {
    if (body == null) {
      throw new ConvotException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
    }
    return StatusView.of(lifecycle.cancel(body.password(), clients.of(servletRequest)));
  }

  @POST
  @Path("reactivate")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Undo a cancellation during the grace period (owners)",
      description = "Everything works again at once; reactivating an active organization changes nothing. Once `purge_after` has"
          + " passed the deletion is under way: 409 conflict.")
  @APIResponse(responseCode = "200", description = "Active")
  public StatusView reactivate() {
    return StatusView.of(lifecycle.reactivate());
  }

  @POST
  @Path("export")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Export the organization's contacts, conversations, messages and events (owners)",
      description = "A background job writes a ZIP of JSON Lines files (`contacts.jsonl`, `conversations.jsonl`, `messages.jsonl`,"
          + " `events.jsonl`, and `manifest.json` with the counts); follow its progress at the `Location`, download it from"
          + " `download_url` once `ready`, for 7 days. Works while the organization is cancelled.")
  @APIResponse(responseCode = "202", description = "Queued")
  public Response export(@Context UriInfo uri) {
    ExportView export = ExportView.of(exports.request());
    return Response.accepted(export)
        .location(uri.getBaseUriBuilder().path("organization/exports").path(export.id()).build()).build();
  }

  @GET
  @Path("exports/{id}")
  @Operation(summary = "An export's status and progress (owners)")
  public ExportView exportStatus(@PathParam("id") UUID id) {
    return ExportView.of(exports.get(id));
  }

  @GET
  @Path("exports/{id}/download")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  @Operation(summary = "Download a ready export (owners)", description = "The ZIP, streamed; 409 export_not_ready before it is ready"
      + " or once it expired.")
  public Response download(@PathParam("id") UUID id) {
    OrganizationExport export = exports.ready(id);
    StreamingOutput body = output -> {
      byte[] chunk;
      for (int seq = 0; (chunk = exports.chunk(id, seq)) != null; seq++) {
        output.write(chunk);
        output.flush();
      }
    };
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"convot-export-" + export.createdAt().toString().substring(0, 10) + ".zip\"")
        .header("Content-Length", export.sizeBytes())
        .build();
  }
}
