package io.convot.web.report;

import io.convot.access.CurrentCaller;
import io.convot.common.Timestamps;
import io.convot.report.AgentReport;
import io.convot.report.ConversationCsv;
import io.convot.report.ConversationExport;
import io.convot.report.ReportRange;
import io.convot.report.ReportService;
import io.convot.report.ReportSummary;
import io.convot.web.QueryFilters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Reports: how fast the team answers and resolves, overall and per member, and the conversations of
 * a range as CSV. Every member sees them (they hold no revenue), and API keys too.
 */
@Path("reports")
public class ReportResource {

  private static final String RANGE = " The range is `[from, to)`: `from` and `to` are ISO-8601 dates (midnight in `tz`) or"
      + " times with their offset; `tz` is an IANA zone (default `UTC`); the default range is the last 30 days, today"
      + " included; at most 366 days. `app_id` keeps one app, otherwise the whole organization. Errors: 404 not_found for an"
      + " app that is not the organization's; 422 validation_failed on from or to (invalid_time, out_of_range, empty_range,"
      + " range_too_long), tz (unknown_zone), app_id (invalid_id)";

  @Inject ReportService reports;
  @Inject ConversationExport export;
  @Inject CurrentCaller caller;

  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The headline figures of a range and their series per day or week",
      description = "`conversations_created` (created in the range), `conversations_resolved` (each move to resolved in the"
          + " range, reopened ones included), `messages_received` and `messages_sent` (visitor messages and replies written"
          + " in the range; notes and deleted messages left out), `unanswered` (created in the range, with a visitor"
          + " message and no reply yet), `first_response` (from a conversation's first visitor message to the first reply"
          + " after it, counted in the range of that reply) and `resolution` (from creation to a resolution, counted in the"
          + " range of the resolution), each `{median_seconds, p90_seconds, count}` (PostgreSQL's percentile_cont, null"
          + " without any). `series` has one entry per day or ISO week (`interval=day|week`, Monday to Monday in `tz`; the"
          + " first starts at `from`) with its `start`, its counts and `first_response_median_seconds`, empty ones included."
          + " Times are written in `tz` with their offset." + RANGE + ", interval (invalid_value).")
  @APIResponse(responseCode = "200", description = "The figures")
  @APIResponse(responseCode = "404", description = "not_found: the app is not the organization's")
  @APIResponse(responseCode = "422", description = "validation_failed with the field")
  public ReportSummary summary(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
      @QueryParam("app_id") String appId, @QueryParam("interval") String interval) {
    QueryFilters query = new QueryFilters();
    UUID app = query.uuid("app_id", appId);
    query.check();
    return reports.summary(ReportRange.parse(from, to, tz, interval, true, Timestamps.now()), app);
  }

  @GET
  @Path("agents")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The figures of a range per member",
      description = "`{data: [{member_id, name, messages_sent, conversations_resolved, first_response, resolution}]}`: every"
          + " member who sent a reply, gave a first response or resolved a conversation in the range, by name, then one entry"
          + " with a null `member_id` named `API` for what API keys did (and members removed since, whose messages no longer"
          + " name them). Definitions as in the summary." + RANGE + ".")
  @APIResponse(responseCode = "200", description = "The figures per member")
  @APIResponse(responseCode = "404", description = "not_found: the app is not the organization's")
  @APIResponse(responseCode = "422", description = "validation_failed with the field")
  public AgentReport agents(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
      @QueryParam("app_id") String appId) {
    QueryFilters query = new QueryFilters();
    UUID app = query.uuid("app_id", appId);
    query.check();
    return reports.agents(ReportRange.parse(from, to, tz, null, false, Timestamps.now()), app);
  }

  @GET
  @Path("conversations.csv")
  @Produces("text/csv")
  @Operation(summary = "The conversations created in a range, as CSV",
      description = "RFC 4180, UTF-8, a header row, one row per conversation created in the range, oldest first: `id, app_id,"
          + " app, contact_email, created_at, first_visitor_message_at, first_reply_at, first_responder, resolved_at,"
          + " resolver, status, messages_received, messages_sent` (times in `tz` with their offset; the latest resolution,"
          + " kept when the conversation was reopened since; `API` for a reply or resolution made with an API key; messages"
          + " without notes and deleted ones). A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a"
          + " leading apostrophe, so that no spreadsheet reads it as a formula. Streamed as it is read." + RANGE + ".")
  @APIResponse(responseCode = "200", description = "The CSV")
  @APIResponse(responseCode = "404", description = "not_found: the app is not the organization's")
  @APIResponse(responseCode = "422", description = "validation_failed with the field")
  public Response conversations(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
      @QueryParam("app_id") String appId) {
    QueryFilters query = new QueryFilters();
    UUID app = query.uuid("app_id", appId);
    query.check();
    ReportRange range = ReportRange.parse(from, to, tz, null, false, Timestamps.now());
    reports.checkApp(app);
    UUID organization = caller.get().organizationId();
    Map<UUID, String> names = export.memberNames(organization);
    StreamingOutput body = output -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
      writer.write(ConversationCsv.header());
      Instant afterCreatedAt = null;
      UUID afterId = null;
      List<ConversationExport.Row> page;
      do {
        page = export.page(organization, range, app, afterCreatedAt, afterId);
        for (ConversationExport.Row row : page) {
          writer.write(ConversationCsv.line(row, range, names));
        }
        if (!page.isEmpty()) {
          ConversationExport.Row last = page.get(page.size() - 1);
          afterCreatedAt = last.createdAt();
          afterId = last.id();
        }
        writer.flush();
      } while (page.size() == ConversationExport.PAGE);
      writer.flush();
    };
    String file = "conversations-" + range.from().atZone(range.zone()).toLocalDate() + "-to-"
        + range.to().atZone(range.zone()).toLocalDate() + ".csv";
    return Response.ok(body, "text/csv; charset=utf-8; header=present")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
