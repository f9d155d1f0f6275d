package io.convot.report;

import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.member.Member;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reports' figures, each from one range query per kind of fact: conversations by creation,
 * resolutions by time, messages by time (read from {@code messages_report} alone) and first replies
 * by time. The series is cut in the database with {@code width_bucket} over the entries' starts,
 * computed here in the report's zone, so a day is the zone's day whatever its length.
 */
@Stateless
@TenantScoped
public class ReportService {

  /** The durations' median and 90th percentile, in seconds with a fraction, as the definitions say. */
  private static final String PERCENTILES = """
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM %1$s)::float8),
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM %1$s)::float8)""";
  private static final String FIRST_RESPONSE = PERCENTILES.formatted("c.first_reply_at - c.first_visitor_message_at");
  private static final String RESOLUTION = PERCENTILES.formatted("r.resolved_at - r.conversation_created_at");

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  /** A 404 for an app that is not the organization's (another organization's included). */
  public void checkApp(UUID appId) {
    if (appId != null && em.find(App.class, appId) == null) {
      throw ConvotException.notFound("App");
    }
  }

  public ReportSummary summary(ReportRange range, UUID appId) {
    checkApp(appId);
    List<Instant> starts = range.bucketStarts();
    int n = starts.size();
    long[] created = new long[n];
    long[] resolved = new long[n];
    long[] received = new long[n];
    long[] sent = new long[n];
    Double[] medians = new Double[n];
    String buckets = arrayOf(starts);

    long unanswered = 0;
    for (Object[] row : rows("""
        SELECT width_bucket(c.created_at, CAST(?3 AS timestamptz[])),
               count(*), count(*) FILTER (WHERE c.first_visitor_message_at IS NOT NULL AND c.first_reply_at IS NULL)
        FROM conversations c
        WHERE c.organization_id = convot_current_organization() AND c.created_at >= ?1 AND c.created_at < ?2""",
        " AND c.app_id = ?4", " GROUP BY 1", range, appId, buckets)) {
      created[bucket(row[0], n)] += count(row[1]);
      unanswered += count(row[2]);
    }

    Timing resolution = Timing.NONE;
    for (Object[] row : rows("""
        SELECT k, grouping(k), count(*), %s
        FROM (SELECT width_bucket(r.resolved_at, CAST(?3 AS timestamptz[])) AS k, r.resolved_at, r.conversation_created_at
              FROM conversation_resolutions r
              WHERE r.organization_id = convot_current_organization() AND r.resolved_at >= ?1 AND r.resolved_at < ?2""".formatted(RESOLUTION),
        " AND r.app_id = ?4", ") r GROUP BY GROUPING SETS ((k), ())", range, appId, buckets)) {
      if (count(row[1]) == 1) {
        resolution = timing(row, 2);
      } else {
        resolved[bucket(row[0], n)] += count(row[2]);
      }
    }

    for (Object[] row : rows("""
        SELECT width_bucket(m.created_at, CAST(?3 AS timestamptz[])),
               count(*) FILTER (WHERE m.author_type = 'visitor'), count(*) FILTER (WHERE m.author_type = 'agent')
        FROM messages m
        WHERE m.organization_id = convot_current_organization() AND NOT m.private AND m.deleted_at IS NULL
          AND m.created_at >= ?1 AND m.created_at < ?2""", " AND m.app_id = ?4", " GROUP BY 1", range, appId, buckets)) {
      int k = bucket(row[0], n);
      received[k] += count(row[1]);
      sent[k] += count(row[2]);
    }

    Timing firstResponse = Timing.NONE;
    for (Object[] row : rows("""
        SELECT k, grouping(k), count(*), %s
        FROM (SELECT width_bucket(c.first_reply_at, CAST(?3 AS timestamptz[])) AS k, c.first_reply_at, c.first_visitor_message_at
              FROM conversations c
              WHERE c.organization_id = convot_current_organization() AND c.first_reply_at IS NOT NULL
                AND c.first_reply_at >= ?1 AND c.first_reply_at < ?2""".formatted(FIRST_RESPONSE),
        " AND c.app_id = ?4", ") c GROUP BY GROUPING SETS ((k), ())", range, appId, buckets)) {
      if (count(row[1]) == 1) {
        firstResponse = timing(row, 2);
      } else {
        medians[bucket(row[0], n)] = number(row[3]);
      }
    }

    List<ReportSummary.Entry> series = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      series.add(new ReportSummary.Entry(range.format(starts.get(k)), created[k], resolved[k], received[k], sent[k], medians[k]));
    }
    return new ReportSummary(range.format(range.from()), range.format(range.to()), range.tz(), sum(created), sum(resolved),
        sum(received), sum(sent), unanswered, firstResponse, resolution, series);
  }

  public AgentReport agents(ReportRange range, UUID appId) {
    checkApp(appId);
    Map<UUID, Long> sent = new HashMap<>();
    Map<UUID, Long> resolved = new HashMap<>();
    Map<UUID, Timing> firstResponses = new HashMap<>();
    Map<UUID, Timing> resolutions = new HashMap<>();
    for (Object[] row : rows("""
        SELECT m.member_id, count(*) FROM messages m
        WHERE m.organization_id = convot_current_organization() AND NOT m.private AND m.deleted_at IS NULL
          AND m.author_type = 'agent' AND m.created_at >= ?1 AND m.created_at < ?2""", " AND m.app_id = ?4", " GROUP BY 1",
        range, appId, null)) {
      sent.put(uuid(row[0]), count(row[1]));
    }
    for (Object[] row : rows("""
        SELECT r.member_id, count(*), %s FROM conversation_resolutions r
        WHERE r.organization_id = convot_current_organization() AND r.resolved_at >= ?1 AND r.resolved_at < ?2""".formatted(RESOLUTION),
        " AND r.app_id = ?4", " GROUP BY 1", range, appId, null)) {
      resolved.put(uuid(row[0]), count(row[1]));
      resolutions.put(uuid(row[0]), timing(row, 1));
    }
    for (Object[] row : rows("""
        SELECT c.first_responder_id, count(*), %s FROM conversations c
        WHERE c.organization_id = convot_current_organization() AND c.first_reply_at IS NOT NULL
          AND c.first_reply_at >= ?1 AND c.first_reply_at < ?2""".formatted(FIRST_RESPONSE),
        " AND c.app_id = ?4", " GROUP BY 1", range, appId, null)) {
      firstResponses.put(uuid(row[0]), timing(row, 1));
    }

    Set<UUID> members = new LinkedHashSet<>();
    members.addAll(sent.keySet());
    members.addAll(resolved.keySet());
    members.addAll(firstResponses.keySet());
    members.remove(null);
    List<AgentReport.Figures> data = new ArrayList<>();
    for (UUID id : members) {
      data.add(figures(id, nameOf(id), sent, resolved, firstResponses, resolutions));
    }
    data.sort(Comparator.comparing((AgentReport.Figures f) -> f.name().toLowerCase(java.util.Locale.ROOT))
        .thenComparing(f -> f.memberId().toString()));
    data.add(figures(null, AgentReport.API, sent, resolved, firstResponses, resolutions));
    return new AgentReport(data);
  }

  private String nameOf(UUID memberId) {
    Member member = em.find(Member.class, memberId);
    return member == null ? memberId.toString() : nameOf(member);
  }

  static String nameOf(Member member) {
    return member.name() == null || member.name().isBlank() ? member.email() : member.name();
  }

  private static AgentReport.Figures figures(UUID id, String name, Map<UUID, Long> sent, Map<UUID, Long> resolved,
      Map<UUID, Timing> firstResponses, Map<UUID, Timing> resolutions) {
    return new AgentReport.Figures(id, name, sent.getOrDefault(id, 0L), resolved.getOrDefault(id, 0L),
        firstResponses.getOrDefault(id, Timing.NONE), resolutions.getOrDefault(id, Timing.NONE));
  }

  /**
   * Runs a range query: {@code ?1} and {@code ?2} are the range, {@code ?3} the entries' starts
   * (when given), {@code ?4} the app, whose condition is added only when filtering by app.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String select, String appCondition, String tail, ReportRange range, UUID appId, String buckets) {
    Query query = em.createNativeQuery(select + (appId == null ? "" : appCondition) + tail)
        .setParameter(1, range.from().atOffset(ZoneOffset.UTC))
        .setParameter(2, range.to().atOffset(ZoneOffset.UTC));
    if (buckets != null) {
      query.setParameter(3, buckets);
    }
    if (appId != null) {
      query.setParameter(4, appId);
    }
    return query.getResultList();
  }

  /** A PostgreSQL array literal of the instants, for {@code CAST(? AS timestamptz[])}. */
  private static String arrayOf(List<Instant> times) {
    return times.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
  }

  /** width_bucket gives 1 for the first entry; rows are inside the range, so never 0. */
  private static int bucket(Object value, int n) {
    int k = ((Number) value).intValue() - 1;
    return Math.max(0, Math.min(n - 1, k));
  }

  private static Timing timing(Object[] row, int countAt) {
    long count = count(row[countAt]);
    return count == 0 ? Timing.NONE : new Timing(number(row[countAt + 1]), number(row[countAt + 2]), count);
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  static UUID uuid(Object value) {
    return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }
}
