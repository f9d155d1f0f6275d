package io.convot.report;

import io.convot.common.Timestamps;
import io.convot.member.Member;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The conversations created in a range, a page at a time in creation order, for the CSV export:
 * each page is its own short transaction, so a year of a large organization streams out without
 * being held in memory or in one long transaction. The caller names the organization (a stream is
 * written after the request's method has returned).
 */
@Stateless
public class ConversationExport {

  public static final int PAGE = 1000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;

  /** One conversation as the CSV shows it; the resolution is the latest one (kept when reopened since). */
  public record Row(UUID id, UUID appId, String appName, String contactEmail, Instant createdAt, Instant firstVisitorMessageAt,
      Instant firstReplyAt, UUID firstResponderId, Instant resolvedAt, UUID resolverId, String status, long messagesReceived,
      long messagesSent) {}

  public Map<UUID, String> memberNames(UUID organizationId) {
    tenancy.enter(organizationId);
    return em.createQuery("SELECT m FROM Member m", Member.class).getResultStream()
        .collect(Collectors.toMap(Member::id, ReportService::nameOf));
  }

  /** Up to {@link #PAGE} conversations created in the range after ({@code afterCreatedAt}, {@code afterId}), if given. */
  @SuppressWarnings("unchecked")
  public List<Row> page(UUID organizationId, ReportRange range, UUID appId, Instant afterCreatedAt, UUID afterId) {
    tenancy.enter(organizationId);
    // The page is chosen first (the creation index read from the cursor), then each of its thousand
    // rows is completed: joined the other way, PostgreSQL would complete the whole rest of the range
    // before keeping a thousand.
    Query query = em.createNativeQuery("""
        SELECT c.id, c.app_id, a.name, ct.email, c.created_at, c.first_visitor_message_at, c.first_reply_at,
               c.first_responder_id, r.resolved_at, r.member_id, c.status, m.received, m.sent
        FROM (SELECT * FROM conversations c
              WHERE c.organization_id = convot_current_organization() AND c.created_at >= ?1 AND c.created_at < ?2"""
        + (appId == null ? "" : " AND c.app_id = ?3")
        + (afterId == null ? "" : " AND (c.created_at, c.id) > (?4, ?5)")
        + " ORDER BY c.created_at, c.id LIMIT " + PAGE + """
        ) c
        JOIN apps a ON a.id = c.app_id
        JOIN contacts ct ON ct.id = c.contact_id
        LEFT JOIN LATERAL (SELECT x.resolved_at, x.member_id FROM conversation_resolutions x
                           WHERE x.conversation_id = c.id ORDER BY x.resolved_at DESC LIMIT 1) r ON true
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE y.author_type = 'visitor') AS received,
                                   count(*) FILTER (WHERE y.author_type = 'agent') AS sent
                            FROM messages y
                            WHERE y.conversation_id = c.id AND NOT y.private AND y.deleted_at IS NULL) m
        ORDER BY c.created_at, c.id""")
        .setParameter(1, range.from().atOffset(ZoneOffset.UTC))
        .setParameter(2, range.to().atOffset(ZoneOffset.UTC));
    if (appId != null) {
      query.setParameter(3, appId);
    }
    if (afterId != null) {
      query.setParameter(4, afterCreatedAt.atOffset(ZoneOffset.UTC)).setParameter(5, afterId);
    }
    List<Row> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      rows.add(new Row(ReportService.uuid(r[0]), ReportService.uuid(r[1]), (String) r[2], (String) r[3], Timestamps.of(r[4]),
          Timestamps.of(r[5]), Timestamps.of(r[6]), ReportService.uuid(r[7]), Timestamps.of(r[8]), ReportService.uuid(r[9]), (String) r[10],
          ((Number) r[11]).longValue(), ((Number) r[12]).longValue()));
    }
    return rows;
  }
}
