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
 * The reports' figures, from range queries per kind of fact: conversations by creation, resolutions
 * by time, messages by time (read from {@code messages_report} alone) and first replies by time. The
 * series' entries (their starts computed here in the report's zone, so a day is the zone's day
 * whatever its length) are each one range scan; the headline counts are their sums, the
 * percentiles one aggregate over the whole range.
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

  /**
   * The series' entries, one row each ({@code k} from 1), each counted by its own range scan
   * ({@code b.s} to {@code b.e}) of the index made for it: no row is hashed or sorted into a day,
   * which on a year of a large organization costs more than reading the rows.
   */
  private static final String BY_BUCKET = """
      SELECT b.k, x.* FROM unnest(CAST(?3 AS timestamptz[]), CAST(?5 AS timestamptz[])) WITH ORDINALITY AS b(s, e, k)
      CROSS JOIN LATERAL (""";

  /** The entries' starts and ends as PostgreSQL array literals. */
  private record Buckets(String starts, String ends) {}

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
    List<Instant> ends = new ArrayList<>(starts.subList(1, n));
    ends.add(range.to());
    Buckets buckets = new Buckets(arrayOf(starts), arrayOf(ends));

    long unanswered = 0;
    for (Object[] row : rows(BY_BUCKET + """
        SELECT count(*), count(*) FILTER (WHERE c.first_visitor_message_at IS NOT NULL AND c.first_reply_at IS NULL)
        FROM conversations c
        WHERE c.organization_id = convot_current_organization() AND c.created_at >= b.s AND c.created_at < b.e""",
        " AND c.app_id = ?4", ") x", range, appId, buckets)) {
      created[bucket(row[0], n)] = count(row[1]);
      unanswered += count(row[2]);
    }
    for (Object[] row : rows(BY_BUCKET + """
        SELECT count(*) FROM conversation_resolutions r
        WHERE r.organization_id = convot_current_organization() AND r.resolved_at >= b.s AND r.resolved_at < b.e""",
        " AND r.app_id = ?4", ") x", range, appId, buckets)) {
      resolved[bucket(row[0], n)] = count(row[1]);
    }
    for (Object[] row : rows(BY_BUCKET + """
        SELECT count(*) FILTER (WHERE m.author_type = 'visitor'), count(*) FILTER (WHERE m.author_type = 'agent')
        FROM messages m
        WHERE m.organization_id = convot_current_organization() AND NOT m.private AND m.deleted_at IS NULL
          AND m.created_at >= b.s AND m.created_at < b.e""", " AND m.app_id = ?4", ") x", range, appId, buckets)) {
      int k = bucket(row[0], n);
      received[k] = count(row[1]);
      sent[k] = count(row[2]);
    }
    for (Object[] row : rows(BY_BUCKET + """
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_reply_at - c.first_visitor_message_at)::float8)
        FROM conversations c
        WHERE c.organization_id = convot_current_organization() AND c.first_reply_at IS NOT NULL
          AND c.first_reply_at >= b.s AND c.first_reply_at < b.e""", " AND c.app_id = ?4", ") x", range, appId, buckets)) {
      medians[bucket(row[0], n)] = number(row[1]);
    }
    Timing firstResponse = timing(rows("""
        SELECT count(*), %s FROM conversations c
        WHERE c.organization_id = convot_current_organization() AND c.first_reply_at IS NOT NULL
          AND c.first_reply_at >= ?1 AND c.first_reply_at < ?2""".formatted(FIRST_RESPONSE), " AND c.app_id = ?4", "", range, appId, null)
        .get(0), 0);
    Timing resolution = timing(rows("""
        SELECT count(*), %s FROM conversation_resolutions r
        WHERE r.organization_id = convot_current_organization() AND r.resolved_at >= ?1 AND r.resolved_at < ?2""".formatted(RESOLUTION),
        " AND r.app_id = ?4", "", range, appId, null).get(0), 0);

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
   * Runs a range query: {@code ?1} and {@code ?2} are the range, {@code ?3} and {@code ?5} the
   * entries' starts and ends (when given), {@code ?4} the app, whose condition is added only when
   * filtering by app.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String select, String appCondition, String tail, ReportRange range, UUID appId, Buckets buckets) {
    Query query = em.createNativeQuery(select + (appId == null ? "" : appCondition) + tail)
        .setParameter(1, range.from().atOffset(ZoneOffset.UTC))
        .setParameter(2, range.to().atOffset(ZoneOffset.UTC));
    if (buckets != null) {
      query.setParameter(3, buckets.starts()).setParameter(5, buckets.ends());
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

  /** The entry of a row: {@code k} counts from 1. */
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
