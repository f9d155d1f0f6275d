package io.convot.notification;

import io.convot.app.App;
import io.convot.common.Timestamps;
import io.convot.contact.Contact;
import io.convot.conversation.Conversation;
import io.convot.conversation.Message;
import io.convot.member.Member;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a member the mail a conversation owes them, once it is due: in one transaction that holds
 * the notice's row, so two deliveries of one message never mail twice. No mail when the member is
 * gone, changed their preferences, has the dashboard open, or read every visitor message since the
 * last mail; otherwise the mail lists every message they have not seen (visitor messages and the
 * team's replies, never a private note or a deleted message) and is queued for SMTP.
 */
@Stateless
public class AgentMailDelivery {

  private static final Logger LOG = Logger.getLogger(AgentMailDelivery.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject MailQueue mail;
  @Inject NotificationSettings settings;

  @Inject
  @ConfigProperty(name = "convot.availability.presence-timeout", defaultValue = "PT60S")
  Duration presenceTimeout;

  public void deliver(NotificationQueues.NoticeDue due) {
    tenancy.enter(due.organizationId());
    @SuppressWarnings("unchecked")
    List<Object[]> notice = em.createNativeQuery("SELECT new_conversation, mailed_up_to FROM conversation_notices"
            + " WHERE member_id = ?1::uuid AND conversation_id = ?2::uuid AND due_at IS NOT NULL FOR UPDATE")
        .setParameter(1, due.memberId().toString()).setParameter(2, due.conversationId().toString())
        .getResultList();
    if (notice.isEmpty()) {
      return;
    }
    boolean newConversation = Boolean.TRUE.equals(notice.get(0)[0]);
    Instant mailedUpTo = notice.get(0)[1] == null ? null : Timestamps.of(notice.get(0)[1]);
    Member member = em.find(Member.class, due.memberId());
    Conversation conversation = em.find(Conversation.class, due.conversationId());
    List<Message> unseen = member == null || conversation == null ? List.of() : unseen(conversation, member, mailedUpTo);
    boolean owed = member != null && member.status() == Member.Status.active && stillWanted(member, conversation, newConversation)
        && !online(member.id()) && unseen.stream().anyMatch(m -> m.author() == Message.Author.visitor);
    if (!owed) {
      settle(due, null, null);
      return;
    }
    Contact contact = em.find(Contact.class, conversation.contactId());
    App app = em.find(App.class, conversation.appId());
    String contactName = contactName(contact);
    List<AgentMail.Line> lines = new ArrayList<>();
    for (Message message : unseen) {
      lines.add(new AgentMail.Line(sender(message, contactName), message.author() == Message.Author.visitor, message.createdAt(), message.text()));
    }
    Instant now = Timestamps.now();
    mail.sendToMember(AgentMail.compose(member.email(), newConversation, app == null ? "your app" : app.name(), contactName, lines,
        settings.conversationLink(conversation.id()), settings.preferencesLink(), now.plus(settings.emailExpiry())));
    settle(due, now, unseen.get(unseen.size() - 1).createdAt());
    LOG.fine(() -> "Mailed member " + member.id() + " about conversation " + conversation.id() + " (" + lines.size() + " messages)");
  }

  /** Nothing waits any more; when a mail went, when, and the latest message it listed. */
  private void settle(NotificationQueues.NoticeDue due, Instant mailedAt, Instant upTo) {
    jakarta.persistence.Query update = em.createNativeQuery("UPDATE conversation_notices SET due_at = NULL, new_conversation = false"
            + (mailedAt == null ? "" : ", last_mailed_at = ?3, mailed_up_to = ?4")
            + " WHERE member_id = ?1::uuid AND conversation_id = ?2::uuid")
        .setParameter(1, due.memberId().toString()).setParameter(2, due.conversationId().toString());
    if (mailedAt != null) {
      update.setParameter(3, OffsetDateTime.ofInstant(mailedAt, ZoneOffset.UTC)).setParameter(4, OffsetDateTime.ofInstant(upTo, ZoneOffset.UTC));
    }
    update.executeUpdate();
  }

  /** The member's preferences as they are now: a mail waiting when they turned it off is not sent. */
  private boolean stillWanted(Member member, Conversation conversation, boolean newConversation) {
    NotificationPreferences preferences = em.find(NotificationPreferences.class, member.id());
    if (preferences == null) {
      preferences = new NotificationPreferences(member.id());
    }
    boolean assignedToThem = member.id().equals(conversation.assigneeId());
    return (newConversation && preferences.wantsNewConversations())
        || preferences.wantsMessage(assignedToThem, conversation.assigneeId() == null);
  }

  private boolean online(UUID memberId) {
    return !em.createNativeQuery("SELECT 1 FROM member_presence WHERE member_id = ?1::uuid AND seen_at > ?2")
        .setParameter(1, memberId.toString())
        .setParameter(2, OffsetDateTime.ofInstant(Timestamps.now().minus(presenceTimeout), ZoneOffset.UTC))
        .setMaxResults(1).getResultList().isEmpty();
  }

  /** The messages after both the member's read marker and the last mail, notes and deleted ones left out, oldest first. */
  private List<Message> unseen(Conversation conversation, Member member, Instant mailedUpTo) {
    List<?> read = em.createNativeQuery("SELECT read_up_to FROM conversation_reads WHERE conversation_id = ?1::uuid AND member_id = ?2::uuid")
        .setParameter(1, conversation.id().toString()).setParameter(2, member.id().toString()).getResultList();
    Instant after = read.isEmpty() ? null : Timestamps.of(read.get(0));
    if (mailedUpTo != null && (after == null || mailedUpTo.isAfter(after))) {
      after = mailedUpTo;
    }
    return em.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation AND m.privateNote = false"
            + " AND m.deletedAt IS NULL AND m.createdAt > :after ORDER BY m.createdAt, m.id", Message.class)
        .setParameter("conversation", conversation.id())
        .setParameter("after", after == null ? Timestamps.EARLIEST : after)
        .setMaxResults(50)
        .getResultList();
  }

  private String sender(Message message, String contactName) {
    if (message.author() == Message.Author.visitor) {
      return contactName;
    }
    Member author = message.memberId() == null ? null : em.find(Member.class, message.memberId());
    return author == null || author.name() == null || author.name().isBlank() ? "Your team" : author.name();
  }

  static String contactName(Contact contact) {
    if (contact == null) {
      return "A visitor";
    }
    if (contact.nickname() != null && !contact.nickname().isBlank()) {
      return contact.nickname();
    }
    return contact.email() != null && !contact.email().isBlank() ? contact.email() : "A visitor";
  }
}
