package io.convot.it.report;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three report endpoints against a known history (three members and an API key, notes,
 * deletions, a conversation reopened by its visitor, two apps, another organization's activity in
 * the same days), every figure compared with what the test computes from the script, in UTC and in
 * New York (where some of the history falls on the day before), per day and per week, in one app and
 * all; the CSV parsed back; and the refusals.
 */
class ReportsIT {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate FROM = LocalDate.parse("2026-02-09");
  private static final LocalDate TO = LocalDate.parse("2026-02-13");

  private static Organizations.Owner owner;
  private static ReportHistory.Actor ownerActor;
  private static ReportHistory.Actor ada;
  private static ReportHistory.Actor bo;
  private static ReportHistory.Actor apiKey;
  private static Team.Joined agentMember;
  private static JsonObject shop;
  private static JsonObject helpdesk;
  private static final ReportHistory history = new ReportHistory();
  private static final Map<String, String> names = new HashMap<>();

  private static Organizations.Owner other;
  private static JsonObject otherApp;
  private static final ReportHistory otherHistory = new ReportHistory();

  @BeforeAll
  static void buildTheHistory() throws Exception {
    owner = Organizations.signUp("Reports");
    ownerActor = new ReportHistory.Actor(owner.memberId(), "Owner of Reports", owner.api());
    ada = member("Ada Lovelace");
    bo = member("=Bo \"Calc\", agent");
    agentMember = Team.join(owner, "agent");
    Api.Reply key = owner.api().post("/api/v1/api-keys", "{\"name\": \"Helpdesk sync\"}");
    assertEquals(201, key.status(), key::toString);
    apiKey = new ReportHistory.Actor(null, "API", Api.withToken(key.string("key")));
    names.put(owner.memberId(), ownerActor.name());
    names.put(ada.memberId(), ada.name());
    names.put(bo.memberId(), bo.name());
    shop = Widget.createApp(owner.api(), "Shop app, \"main\" Ünï", false);
    helpdesk = Widget.createApp(owner.api(), "+Helpdesk", false);

    ReportHistory.Conv c1 = history.visitorStarts(shop, t("2026-02-09T23:00:00Z"));
    history.note(c1, ada, t("2026-02-09T23:05:00Z"));
    history.reply(c1, ada, t("2026-02-09T23:30:00Z"));
    history.visitor(c1, t("2026-02-09T23:45:00Z"));
    history.reply(c1, bo, t("2026-02-10T01:00:00Z"));
    history.resolve(c1, ada, t("2026-02-10T02:00:00Z"));

    ReportHistory.Conv c2 = history.visitorStarts(shop, t("2026-02-10T03:00:00Z"));
    ReportHistory.Msg again = history.visitor(c2, t("2026-02-10T03:01:00Z"));
    history.reply(c2, apiKey, t("2026-02-10T03:10:00Z"));
    history.resolve(c2, apiKey, t("2026-02-10T04:00:00Z"));
    history.visitor(c2, t("2026-02-11T10:00:00Z"));
    ReportHistory.Msg regretted = history.reply(c2, ada, t("2026-02-11T10:05:00Z"));
    history.resolve(c2, bo, t("2026-02-11T12:00:00Z"));
    history.delete(ownerActor, again);
    history.delete(ada, regretted);

    ReportHistory.Conv c3 = history.visitorStarts(helpdesk, t("2026-02-11T05:00:00Z"));
    history.note(c3, bo, t("2026-02-11T06:00:00Z"));

    ReportHistory.Conv c4 = history.agentStarts(ada, helpdesk, t("2026-02-12T14:00:00Z"));
    history.resolve(c4, ada, t("2026-02-12T15:00:00Z"));

    ReportHistory.Conv c5 = history.visitorStarts(shop, t("2026-02-12T23:30:00Z"));
    history.reply(c5, bo, t("2026-02-13T00:30:00Z"));

    ReportHistory.Conv c6 = history.visitorStarts(shop, t("2026-02-08T12:00:00Z"));
    history.reply(c6, ada, t("2026-02-08T12:10:00Z"));
    history.resolve(c6, ada, t("2026-02-10T09:00:00Z"));

    ReportHistory.Conv c7 = history.visitorStarts(helpdesk, t("2026-02-12T04:30:00Z"));
    history.reply(c7, ownerActor, t("2026-02-12T04:31:30.250Z"));
    history.resolve(c7, ownerActor, t("2026-02-12T05:00:00Z"));
    history.visitor(c7, t("2026-02-12T05:10:00Z"));

    ReportHistory.Conv c8 = history.visitorStarts(shop, t("2026-02-10T20:00:00Z"));
    history.reply(c8, apiKey, t("2026-02-10T20:00:42Z"));
    history.reply(c8, ada, t("2026-02-10T20:03:00Z"));
    history.resolve(c8, bo, t("2026-02-10T22:00:00Z"));

    history.moveToScriptedTimes();

    other = Organizations.signUp("Other reports");
    otherApp = Widget.createApp(other.api(), "Other shop", false);
    names.put(other.memberId(), "Owner of Other reports");
    ReportHistory.Actor otherOwner = new ReportHistory.Actor(other.memberId(), "Owner of Other reports", other.api());
    ReportHistory.Conv o1 = otherHistory.visitorStarts(otherApp, t("2026-02-10T10:00:00Z"));
    otherHistory.reply(o1, otherOwner, t("2026-02-10T10:05:00Z"));
    otherHistory.resolve(o1, otherOwner, t("2026-02-10T11:00:00Z"));
    otherHistory.moveToScriptedTimes();
  }

  @Test
  void everyFigureInUtcAndNewYork() {
    for (ZoneId zone : List.of(UTC, NEW_YORK)) {
      Expected expected = new Expected(history, null, FROM, TO, zone, false);
      assertSummary(owner.api(), expected, null, "day");
      assertAgents(owner.api(), expected, null);
      assertCsv(owner.api(), expected, null);
    }
  }

  @Test
  void oneAppAndWeeks() {
    String helpdeskId = helpdesk.getString("id");
    String shopId = shop.getString("id");
    assertSummary(owner.api(), new Expected(history, helpdeskId, FROM, TO, NEW_YORK, false), helpdeskId, "day");
    assertAgents(owner.api(), new Expected(history, helpdeskId, FROM, TO, NEW_YORK, false), helpdeskId);
    assertCsv(owner.api(), new Expected(history, shopId, FROM, TO, UTC, false), shopId);
    for (ZoneId zone : List.of(UTC, NEW_YORK)) {
      Expected weeks = new Expected(history, shopId, LocalDate.parse("2026-02-04"), LocalDate.parse("2026-02-24"), zone, true);
      assertEquals(4, weeks.starts.size());
      assertSummary(owner.api(), weeks, shopId, "week");
    }
  }

  @Test
  void theDayBoundaryMoves() {
    JsonArray utc = summary(owner.api(), FROM, TO, UTC, null, "day").getJsonArray("series");
    JsonArray newYork = summary(owner.api(), FROM, TO, NEW_YORK, null, "day").getJsonArray("series");
    assertEquals("2026-02-09T00:00:00Z", utc.getJsonObject(0).getString("start"));
    assertEquals("2026-02-09T00:00:00-05:00", newYork.getJsonObject(0).getString("start"));
    // Created at 23:00Z on the 9th, 03:00Z and 20:00Z on the 10th, 05:00Z (New York's midnight) on the 11th,
    // 04:30Z (still the 11th in New York), 14:00Z and 23:30Z on the 12th.
    assertEquals(List.of(1, 2, 1, 3), utc.stream().map(v -> v.asJsonObject().getInt("conversations_created")).toList());
    assertEquals(List.of(2, 1, 2, 2), newYork.stream().map(v -> v.asJsonObject().getInt("conversations_created")).toList());
  }

  @Test
  void instantsMakeARangeToo() {
    Instant from = t("2026-02-10T02:30:00Z");
    Instant to = t("2026-02-11T05:00:00Z");
    JsonObject summary = owner.api().get("/api/v1/reports/summary?from=" + from + "&to=" + enc("2026-02-11T00:00:00-05:00")).json();
    Expected expected = new Expected(history, null, from, to);
    assertEquals(expected.created().size(), summary.getInt("conversations_created"));
    assertEquals(expected.resolutionsIn().size(), summary.getInt("conversations_resolved"));
    assertEquals(expected.receivedTimes().size(), summary.getInt("messages_received"));
    assertEquals(expected.sentTimes().size(), summary.getInt("messages_sent"));
    assertTiming(expected.firstResponses().stream().map(Expected.FirstResponse::seconds).toList(), summary.getJsonObject("first_response"));
    assertEquals("2026-02-10T02:30:00Z", summary.getString("from"));
    assertEquals("2026-02-11T05:00:00Z", summary.getString("to"));
  }

  @Test
  void agentsSeeReportsAndTheOtherOrganizationSeesOnlyItsOwn() {
    Expected expected = new Expected(history, null, FROM, TO, UTC, false);
    assertSummary(agentMember.api(), expected, null, "day");
    assertAgents(agentMember.api(), expected, null);
    assertCsv(agentMember.api(), expected, null);

    Expected theirs = new Expected(otherHistory, null, FROM, TO, UTC, false);
    assertSummary(other.api(), theirs, null, "day");
    assertAgents(other.api(), theirs, null);
    assertCsv(other.api(), theirs, null);
    assertEquals(1, theirs.created().size(), "the other organization has its own conversation in these days");
  }

  @Test
  void anotherOrganizationsAppIsNotFound() {
    String foreign = otherApp.getString("id");
    for (String path : List.of("summary", "agents", "conversations.csv")) {
      assertProblem(owner.api().get("/api/v1/reports/" + path + "?app_id=" + foreign), 404, "not_found");
      assertProblem(owner.api().get("/api/v1/reports/" + path + "?app_id=" + UUID.randomUUID()), 404, "not_found");
      assertProblem(other.api().get("/api/v1/reports/" + path + "?app_id=" + shop.getString("id")), 404, "not_found");
    }
  }

  @Test
  void badRangesZonesAndIntervalsAreFieldErrors() {
    for (String path : List.of("summary", "agents", "conversations.csv")) {
      String base = "/api/v1/reports/" + path;
      assertValidationError(owner.api().get(base + "?tz=Mars/Olympus"), "tz");
      assertValidationError(owner.api().get(base + "?tz=%2B02:00"), "tz");
      assertValidationError(owner.api().get(base + "?from=last-week"), "from");
      assertValidationError(owner.api().get(base + "?to=2026-13-01"), "to");
      assertValidationError(owner.api().get(base + "?from=2026-02-10T10:00:00"), "from");
      assertValidationError(owner.api().get(base + "?from=2026-02-10&to=2026-02-10"), "to");
      assertValidationError(owner.api().get(base + "?from=2026-02-10&to=2026-02-01"), "to");
      assertValidationError(owner.api().get(base + "?from=2025-01-01&to=2026-01-03"), "to");
      assertValidationError(owner.api().get(base + "?from=2000-01-01"), "from");
      assertValidationError(owner.api().get(base + "?app_id=nope"), "app_id");
      assertEquals(200, owner.api().get(base + "?from=2025-01-01&to=2026-01-02").status(), "366 days is allowed");
      assertEquals(401, Api.anonymous().get(base).status());
    }
    assertValidationError(owner.api().get("/api/v1/reports/summary?interval=month"), "interval");
    assertValidationError(owner.api().get("/api/v1/reports/summary?interval=DAY"), "interval");
  }

  @Test
  void theDefaultIsTheLastThirtyDays() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    JsonObject summary = owner.api().get("/api/v1/reports/summary?tz=Europe/Paris").json();
    assertEquals("Europe/Paris", summary.getString("tz"));
    assertEquals(30, summary.getJsonArray("series").size());
    LocalDate tomorrow = LocalDate.now(paris).plusDays(1);
    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tomorrow.atStartOfDay(paris).toOffsetDateTime()), summary.getString("to"));
    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tomorrow.minusDays(30).atStartOfDay(paris).toOffsetDateTime()),
        summary.getString("from"));
    assertEquals(0, summary.getInt("conversations_created"), "the history lies in February");
  }

  // ---- comparisons ----

  private static void assertSummary(Api api, Expected e, String appId, String interval) {
    JsonObject s = summary(api, e, appId, interval);
    String where = e.zone + (appId == null ? "" : " app " + appId) + " " + interval + ": " + s;
    assertEquals(format(e, e.from), s.getString("from"), where);
    assertEquals(format(e, e.to), s.getString("to"), where);
    assertEquals(e.zone.getId(), s.getString("tz"));
    assertEquals(e.created().size(), s.getInt("conversations_created"), where);
    assertEquals(e.resolutionsIn().size(), s.getInt("conversations_resolved"), where);
    assertEquals(e.receivedTimes().size(), s.getInt("messages_received"), where);
    assertEquals(e.sentTimes().size(), s.getInt("messages_sent"), where);
    assertEquals(e.unanswered(), s.getInt("unanswered"), where);
    assertTiming(e.firstResponses().stream().map(Expected.FirstResponse::seconds).toList(), s.getJsonObject("first_response"));
    assertTiming(e.resolutionTimes().stream().map(Expected.Resolved::seconds).toList(), s.getJsonObject("resolution"));
    JsonArray series = s.getJsonArray("series");
    assertEquals(e.starts.size(), series.size(), where);
    long[] created = e.perBucket(e.createdTimes());
    long[] resolved = e.perBucket(e.resolvedTimes());
    long[] received = e.perBucket(e.receivedTimes());
    long[] sent = e.perBucket(e.sentTimes());
    Double[] medians = e.firstResponseMedians();
    for (int k = 0; k < e.starts.size(); k++) {
      JsonObject entry = series.getJsonObject(k);
      String at = where + " entry " + k;
      assertEquals(format(e, e.starts.get(k)), entry.getString("start"), at);
      assertEquals(created[k], entry.getInt("conversations_created"), at);
      assertEquals(resolved[k], entry.getInt("conversations_resolved"), at);
      assertEquals(received[k], entry.getInt("messages_received"), at);
      assertEquals(sent[k], entry.getInt("messages_sent"), at);
      assertNumber(medians[k], entry.get("first_response_median_seconds"), at);
    }
  }

  private static void assertAgents(Api api, Expected e, String appId) {
    JsonArray data = api.get("/api/v1/reports/agents?" + range(e) + (appId == null ? "" : "&app_id=" + appId)).json().getJsonArray("data");
    Map<String, Expected.Agent> expected = e.agents();
    List<String> order = new ArrayList<>(expected.keySet().stream().filter(Objects::nonNull)
        .sorted(Comparator.comparing((String id) -> names.get(id).toLowerCase(Locale.ROOT)).thenComparing(id -> id))
        .toList());
    order.add(null);
    assertEquals(order.size(), data.size(), data::toString);
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      JsonObject row = data.getJsonObject(i);
      Expected.Agent agent = expected.get(id);
      String at = "agent " + id + ": " + row;
      if (id == null) {
        assertTrue(row.isNull("member_id"), at);
        assertEquals("API", row.getString("name"), at);
      } else {
        assertEquals(id, row.getString("member_id"), at);
        assertEquals(names.get(id), row.getString("name"), at);
      }
      assertEquals(agent.sent(), row.getInt("messages_sent"), at);
      assertEquals(agent.resolved(), row.getInt("conversations_resolved"), at);
      assertTiming(agent.firstResponses(), row.getJsonObject("first_response"));
      assertTiming(agent.resolutions(), row.getJsonObject("resolution"));
    }
  }

  private static void assertCsv(Api api, Expected e, String appId) {
    Api.Reply reply = api.get("/api/v1/reports/conversations.csv?" + range(e) + (appId == null ? "" : "&app_id=" + appId));
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("text/csv"), reply.contentType());
    assertTrue(reply.contentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"), reply.contentType());
    assertTrue(reply.body().endsWith("\r\n"));
    List<List<String>> rows = Csv.parse(reply.body());
    assertEquals(List.of("id", "app_id", "app", "contact_email", "created_at", "first_visitor_message_at", "first_reply_at",
        "first_responder", "resolved_at", "resolver", "status", "messages_received", "messages_sent"), rows.get(0));
    List<ReportHistory.Conv> created = e.created().stream()
        .sorted(Comparator.comparing((ReportHistory.Conv c) -> c.created).thenComparing(c -> c.id)).toList();
    assertEquals(created.size(), rows.size() - 1, reply::body);
    for (int i = 0; i < created.size(); i++) {
      ReportHistory.Conv c = created.get(i);
      ReportHistory.Msg firstVisitor = c.firstVisitor();
      ReportHistory.Msg firstReply = c.firstReply();
      ReportHistory.Resolution last = c.resolutions.isEmpty() ? null : c.resolutions.get(c.resolutions.size() - 1);
      List<String> expected = List.of(c.id, c.appId, defused(c.appName), c.email, format(e, c.created),
          firstVisitor == null ? "" : format(e, firstVisitor.at()), firstReply == null ? "" : format(e, firstReply.at()),
          firstReply == null ? "" : defused(who(firstReply.by())), last == null ? "" : format(e, last.at()),
          last == null ? "" : defused(who(last.by())), c.status,
          Long.toString(c.messages.stream().filter(m -> m.visitor() && !m.isDeleted()).count()),
          Long.toString(c.messages.stream().filter(m -> !m.visitor() && !m.note() && !m.isDeleted()).count()));
      assertEquals(expected, rows.get(i + 1), "row " + (i + 1));
    }
  }

  private static void assertTiming(List<Double> durations, JsonObject timing) {
    assertEquals(durations.size(), timing.getInt("count"), timing::toString);
    assertNumber(Expected.percentile(durations, 0.5), timing.get("median_seconds"), "median of " + durations);
    assertNumber(Expected.percentile(durations, 0.9), timing.get("p90_seconds"), "p90 of " + durations);
  }

  private static void assertNumber(Double expected, JsonValue actual, String where) {
    if (expected == null) {
      assertEquals(JsonValue.NULL, actual, where);
    } else {
      assertEquals(expected, ((jakarta.json.JsonNumber) actual).doubleValue(), 1e-6, where);
    }
  }

  // ---- helpers ----

  private static JsonObject summary(Api api, Expected e, String appId, String interval) {
    Api.Reply reply = api.get("/api/v1/reports/summary?" + range(e) + "&interval=" + interval + (appId == null ? "" : "&app_id=" + appId));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static JsonObject summary(Api api, LocalDate from, LocalDate to, ZoneId zone, String appId, String interval) {
    return summary(api, new Expected(history, appId, from, to, zone, false), appId, interval);
  }

  private static String range(Expected e) {
    return "from=" + e.from.atZone(e.zone).toLocalDate() + "&to=" + e.to.atZone(e.zone).toLocalDate() + "&tz=" + enc(e.zone.getId());
  }

  private static String format(Expected e, Instant time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(e.zone).toOffsetDateTime());
  }

  private static String who(String memberId) {
    return memberId == null ? "API" : names.get(memberId);
  }

  /** What the CSV must show of a text that a spreadsheet would take for a formula. */
  private static String defused(String text) {
    return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static ReportHistory.Actor member(String name) {
    String email = Organizations.uniqueEmail("agent");
    Api.Reply invited = Team.invite(owner.api(), email, "agent");
    assertEquals(201, invited.status(), invited::toString);
    Api.Reply accepted = Team.accept(Team.invitationToken(invited.json()), name.replace("\"", "\\\""));
    assertEquals(200, accepted.status(), accepted::toString);
    JsonObject body = accepted.json();
    return new ReportHistory.Actor(body.getJsonObject("member").getString("id"), name, Api.withToken(body.getString("token")));
  }

  private static Instant t(String time) {
    return Instant.parse(time);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
