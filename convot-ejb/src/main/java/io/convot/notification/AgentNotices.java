package io.convot.notification;

import io.convot.common.Ids;
import io.convot.common.Timestamps;
import io.convot.conversation.ConversationEvent.MessageReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Schedules the mails a visitor's message owes members, in the message's transaction. Who: for a
 * new conversation, every active member with {@code new_conversation: all} (and those with
 * {@code new_message: all_unassigned}); for a message in an assigned conversation, its assignee
 * unless {@code new_message: none}; in an unassigned one, members with {@code all_unassigned}.
 * Members with the dashboard open are left out: they see it there.
 *
 * <p>Each member has at most one mail waiting per conversation: it is due after the delay, or 10
 * minutes after the last mail about that conversation, whichever is later; messages arriving while
 * it waits join it. One statement schedules every recipient; only a notice that was not waiting
 * already queues a message (held back by the broker until it is due).
 */
@ApplicationScoped
public class AgentNotices {

  /** Schedules the recipients the condition (formatted in) chooses; ?6 is the assignee when the condition names one. */
  private static final String SCHEDULE = """
      WITH scheduled AS (
        INSERT INTO conversation_notices (member_id, conversation_id, organization_id, due_at, new_conversation)
        SELECT m.id, ?1::uuid, ?2::uuid, ?3, ?4 AND coalesce(p.new_conversation, 'all') = 'all'
          FROM members m LEFT JOIN notification_preferences p ON p.member_id = m.id
         WHERE m.status = 'active' AND (%s)
           AND NOT EXISTS (SELECT 1 FROM member_presence mp WHERE mp.member_id = m.id AND mp.seen_at > ?5)
        ON CONFLICT (member_id, conversation_id) DO UPDATE
          SET due_at = greatest(EXCLUDED.due_at, conversation_notices.last_mailed_at + make_interval(secs => %s)),
              new_conversation = EXCLUDED.new_conversation
          WHERE conversation_notices.due_at IS NULL
        RETURNING member_id, due_at)
      SELECT member_id, due_at FROM scheduled
      """;
  private static final String NEW_CONVERSATION = "coalesce(p.new_conversation, 'all') = 'all' OR coalesce(p.new_message, 'assigned') = 'all_unassigned'";
  private static final String UNASSIGNED = "coalesce(p.new_message, 'assigned') = 'all_unassigned'";
  private static final String ASSIGNEE = "m.id = ?6::uuid AND coalesce(p.new_message, 'assigned') <> 'none'";

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject NotificationSettings settings;
  @Inject NotificationQueues queues;

  @Inject
  @ConfigProperty(name = "convot.availability.presence-timeout", defaultValue = "PT60S")
  Duration presenceTimeout;

  void visitorMessage(UUID organizationId, MessageReceived received, boolean startsConversation) {
    Instant now = Timestamps.now();
    UUID conversation = received.conversation().id();
    UUID assignee = received.conversation().assigneeId();
    String who = startsConversation ? NEW_CONVERSATION : assignee == null ? UNASSIGNED : ASSIGNEE;
    jakarta.persistence.Query query = em.createNativeQuery(SCHEDULE.formatted(who, settings.emailInterval().toMillis() / 1000.0))
        .setParameter(1, conversation.toString())
        .setParameter(2, organizationId.toString())
        .setParameter(3, utc(now.plus(settings.emailDelay())))
        .setParameter(4, startsConversation)
        .setParameter(5, utc(now.minus(presenceTimeout)));
    if (who == ASSIGNEE) {
      query.setParameter(6, assignee.toString());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> scheduled = query.getResultList();
    for (Object[] row : scheduled) {
      queues.noticeDue(new NotificationQueues.NoticeDue(organizationId, Ids.uuid(row[0]), conversation),
          Timestamps.delayUntil(Timestamps.of(row[1])));
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
