package io.convot.conversation;

import io.convot.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the dashboard's inbox reads beyond a conversation's own fields: the latest message, unread
 * counts against each member's read marker, and the counts of its views. Callers entered the
 * organization already; a page costs six queries whatever its size, the counts one.
 */
@ApplicationScoped
public class Inbox {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject ConversationFlow flow;

  /** The conversations as the REST API shows them to {@code memberId} (null for an API key: no unread counts). */
  public List<InboxConversationView> views(List<Conversation> conversations, UUID memberId) {
    List<ConversationView> views = flow.views(conversations);
    Map<UUID, Message> lastMessages = lastMessages(conversations);
    Map<UUID, Integer> unread = memberId == null ? Map.of() : unreadCounts(conversations, memberId);
    List<InboxConversationView> shown = new ArrayList<>();
    for (int i = 0; i < conversations.size(); i++) {
      Conversation conversation = conversations.get(i);
      shown.add(InboxConversationView.of(views.get(i), conversation, lastMessages.get(conversation.lastMessageId()),
          memberId == null ? null : unread.getOrDefault(conversation.id(), 0)));
    }
    return shown;
  }

  /** One pass over the organization's (or one app's) conversations, joined to the member's read markers. */
  public ConversationCounts counts(UUID appId, UUID memberId) {
    Query query = em.createNativeQuery("""
        SELECT count(*) FILTER (WHERE c.status = 'open'),
               count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id = CAST(?1 AS uuid)),
               count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id IS NULL),
               count(*) FILTER (WHERE c.status = 'resolved'),
               count(*) FILTER (WHERE c.status = 'open' AND c.waiting_since IS NOT NULL),
               count(*) FILTER (WHERE c.last_visitor_message_at > coalesce(r.read_up_to, '-infinity'))
        FROM conversations c
        LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.member_id = CAST(?1 AS uuid)
        WHERE c.organization_id = convot_current_organization()""" + (appId == null ? "" : " AND c.app_id = ?2"))
        .setParameter(1, memberId);
    if (appId != null) {
      query.setParameter(2, appId);
    }
    Object[] row = (Object[]) query.getSingleResult();
    boolean member = memberId != null;
    return new ConversationCounts(count(row[0]), member ? count(row[1]) : null, count(row[2]), count(row[3]), count(row[4]),
        member ? count(row[5]) : null);
  }

  /**
   * Marks the conversation read for the member up to its latest message. A marker never moves back:
   * a tab that marked an older state later than another leaves the newer one.
   */
  public void markRead(Conversation conversation, UUID memberId) {
    em.createNativeQuery("""
        INSERT INTO conversation_reads (id, organization_id, conversation_id, member_id, read_up_to, updated_at)
        VALUES (?1, convot_current_organization(), ?2, ?3, ?4, ?5)
        ON CONFLICT (conversation_id, member_id) DO UPDATE
          SET read_up_to = greatest(conversation_reads.read_up_to, excluded.read_up_to), updated_at = excluded.updated_at""")
        .setParameter(1, UUID.randomUUID()).setParameter(2, conversation.id()).setParameter(3, memberId)
        .setParameter(4, conversation.lastActivityAt().atOffset(ZoneOffset.UTC))
        .setParameter(5, Timestamps.now().atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  private Map<UUID, Message> lastMessages(List<Conversation> conversations) {
    List<UUID> ids = conversations.stream().map(Conversation::lastMessageId).filter(Objects::nonNull).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class).setParameter("ids", ids)
        .getResultStream().collect(Collectors.toMap(Message::id, Function.identity()));
  }

  /** Per conversation with any: the visitor messages (not deleted) after the member's read marker. */
  private Map<UUID, Integer> unreadCounts(List<Conversation> conversations, UUID memberId) {
    List<UUID> ids = conversations.stream().filter(conversation -> conversation.lastVisitorMessageAt() != null)
        .map(Conversation::id).toList();
    Map<UUID, Integer> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    List<Object[]> rows = em.createQuery("""
            SELECT m.conversationId, COUNT(m) FROM Message m
            WHERE m.conversationId IN :ids AND m.author = :visitor AND m.deletedAt IS NULL
              AND NOT EXISTS (SELECT r.id FROM ConversationRead r
                              WHERE r.conversationId = m.conversationId AND r.memberId = :member AND r.readUpTo >= m.createdAt)
            GROUP BY m.conversationId""", Object[].class)
        .setParameter("ids", ids).setParameter("visitor", Message.Author.visitor).setParameter("member", memberId)
        .getResultList();
    for (Object[] row : rows) {
      counts.put(UUID.fromString(row[0].toString()), ((Number) row[1]).intValue());
    }
    return counts;
  }

  private static long count(Object value) {
    return ((Number) value).longValue();
  }
}
