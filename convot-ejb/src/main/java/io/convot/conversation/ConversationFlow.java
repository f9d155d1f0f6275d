package io.convot.conversation;

import io.convot.contact.Contact;
import io.convot.contact.ContactView;
import io.convot.conversation.ConversationEvent.Assignee;
import io.convot.conversation.ConversationEvent.ConversationAssigned;
import io.convot.conversation.ConversationEvent.ConversationCreated;
import io.convot.conversation.ConversationEvent.ConversationReopened;
import io.convot.conversation.ConversationEvent.ConversationResolved;
import io.convot.conversation.ConversationEvent.MessageDeleted;
import io.convot.conversation.ConversationEvent.MessageReceived;
import io.convot.conversation.ConversationEvent.MessageSent;
import io.convot.conversation.ConversationUpdate.AgentMessage;
import io.convot.conversation.ConversationUpdate.AssigneeName;
import io.convot.conversation.ConversationUpdate.MessageGone;
import io.convot.conversation.ConversationUpdate.VisitorAssigned;
import io.convot.conversation.ConversationUpdate.VisitorMessage;
import io.convot.conversation.ConversationUpdate.VisitorStatus;
import io.convot.event.Outbox;
import io.convot.member.Member;
import io.convot.realtime.LiveUpdates;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

/**
 * The changes to conversations that visitors and agents share, each with its outbox event and its
 * live update, all inside the caller's transaction (callers entered the organization already).
 */
@ApplicationScoped
public class ConversationFlow {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject LiveUpdates live;
  @Inject Tenancy tenancy;

  /**
   * A visitor's message goes to the contact's latest conversation, reopened if resolved, or a new one;
   * the caller read the contact's view and latest conversation ({@code latest}, null for none) with
   * its session. When the message starts a new conversation, {@code admission} first says with what
   * pre-chat answers, or refuses it by throwing.
   */
  public MessageView visitorMessage(Contact contact, ContactView contactView, Conversation latest, String text,
      java.util.function.Supplier<jakarta.json.JsonArray> admission) {
    Message.checkedText(text);
    Conversation conversation = latest;
    if (conversation == null) {
      conversation = start(contact, contactView, admission.get());
    } else if (conversation.isResolved()) {
      reopen(conversation);
    }
    Message message = Message.fromVisitor(conversation, text);
    em.persist(message);
    MessageView view = MessageView.of(message, null);
    String received = outbox.record(
        new MessageReceived(contact.appId(), view, ConversationView.of(conversation, contactView), contactView));
    publishMessage(conversation, received, view);
    return view;
  }

  /** A new conversation of {@code contact}, started by the visitor's first message or by an agent. */
  public Conversation start(Contact contact) {
    return start(contact, ContactView.of(contact), null);
  }

  private Conversation start(Contact contact, ContactView contactView, jakarta.json.JsonArray answers) {
    Conversation conversation = new Conversation(contact.appId(), contact.id(), answers);
    em.persist(conversation);
    outbox.record(new ConversationCreated(contact.appId(), ConversationView.of(conversation, contactView), contactView));
    return conversation;
  }

  public MessageView agentMessage(Conversation conversation, Member author, String text, boolean privateNote) {
    Message message = Message.fromAgent(conversation, author == null ? null : author.id(), text, privateNote);
    em.persist(message);
    MessageView view = MessageView.of(message, author == null ? null : new MessageView.Author(author.id(), author.name()));
    ConversationView conversationView = view(conversation);
    Object agentContent = privateNote ? new AgentMessage(view, conversationView)
        : outbox.record(new MessageSent(conversation.appId(), view, conversationView, conversationView.contact()));
    publishMessage(conversation, agentContent, view);
    return view;
  }

  public void deleteMessage(Conversation conversation, Message message, MessageView.Author author) {
    message.delete();
    conversation.touch();
    if (!message.isPrivate()) {
      visibleMessagesChanged(conversation);
    }
    MessageView view = MessageView.of(message, author);
    outbox.record(new MessageDeleted(conversation.appId(), view, view(conversation)));
    MessageGone update = new MessageGone(message.id(), conversation.id());
    live.publish(tenancy.current(), conversation.contactId(), "message.deleted", update, message.isPrivate() ? null : update);
  }

  public void assign(Conversation conversation, Member assignee) {
    if (!conversation.assign(assignee == null ? null : assignee.id())) {
      return;
    }
    String assigned = outbox.record(new ConversationAssigned(conversation.appId(), view(conversation), Assignee.of(assignee)));
    live.publish(tenancy.current(), conversation.contactId(), "conversation.assigned",
        assigned, new VisitorAssigned(assignee == null ? null : new AssigneeName(assignee.name())));
  }

  /** Resolves, recording the resolution for reports: by {@code resolverId}, null for an API key. */
  public void resolve(Conversation conversation, UUID resolverId) {
    conversation.resolve();
    em.persist(new ConversationResolution(conversation, resolverId));
    publishStatus(conversation, outbox.record(new ConversationResolved(conversation.appId(), view(conversation))));
  }

  public void reopen(Conversation conversation) {
    conversation.reopen();
    publishStatus(conversation, outbox.record(new ConversationReopened(conversation.appId(), view(conversation))));
  }

  /**
   * The member who wrote an agent message, while they are still a member; for an imported reply by
   * someone who never was one, their name alone.
   */
  public MessageView.Author authorOf(Message message) {
    if (message.memberId() == null) {
      return message.authorName() == null ? null : new MessageView.Author(null, message.authorName());
    }
    Member member = em.find(Member.class, message.memberId());
    return member == null ? null : new MessageView.Author(member.id(), member.name());
  }

  public ConversationView view(Conversation conversation) {
    return view(conversation, em.find(Contact.class, conversation.contactId()));
  }

  /**
   * The views of many conversations at once: their contacts, with session data and segments, in
   * three queries rather than three per conversation.
   */
  public List<ConversationView> views(List<Conversation> conversations) {
    List<UUID> contactIds = conversations.stream().map(Conversation::contactId).distinct().toList();
    if (!contactIds.isEmpty()) {
      // Loaded into the persistence context, where view() then finds them.
      em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class).setParameter("ids", contactIds)
          .setHint(QueryHints.BATCH, "c.data").setHint(QueryHints.BATCH, "c.segments").setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
          .getResultList();
    }
    return conversations.stream().map(this::view).toList();
  }

  private static ConversationView view(Conversation conversation, Contact contact) {
    return ConversationView.of(conversation, contact == null ? null : ContactView.of(contact));
  }

  /** The latest visitor message and the time the visitor has waited since, from the messages that remain. */
  private void visibleMessagesChanged(Conversation conversation) {
    Message lastFromVisitor = remaining(conversation, Message.Author.visitor, null, true);
    Message lastReply = remaining(conversation, Message.Author.agent, null, true);
    boolean waiting = lastFromVisitor != null && (lastReply == null || lastFromVisitor.createdAt().isAfter(lastReply.createdAt()));
    Message firstUnanswered = waiting ? remaining(conversation, Message.Author.visitor, lastReply == null ? null : lastReply.createdAt(), false) : null;
    conversation.visibleMessagesChanged(lastFromVisitor == null ? null : lastFromVisitor.createdAt(),
        firstUnanswered == null ? null : firstUnanswered.createdAt());
  }

  /** The newest (or oldest) message by {@code author}, not a note, not deleted, written after {@code after} if given. */
  private Message remaining(Conversation conversation, Message.Author author, Instant after, boolean newest) {
    String direction = newest ? " DESC" : "";
    TypedQuery<Message> query = em.createQuery("SELECT m FROM Message m WHERE m.conversationId = :id AND m.author = :author"
            + " AND m.privateNote = FALSE AND m.deletedAt IS NULL" + (after == null ? "" : " AND m.createdAt > :after")
            + " ORDER BY m.createdAt" + direction + ", m.id" + direction, Message.class)
        .setParameter("id", conversation.id()).setParameter("author", author).setMaxResults(1);
    if (after != null) {
      query.setParameter("after", after);
    }
    List<Message> found = query.getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * Agents get {@code agentContent}: the message and its conversation, as the outbox event's data
   * already wrote them (with its contact), or for a note, which has no event, an {@link AgentMessage};
   * the visitor gets the message alone, unless it is a note.
   */
  private void publishMessage(Conversation conversation, Object agentContent, MessageView message) {
    live.publish(tenancy.current(), conversation.contactId(), "message", agentContent,
        message.privateNote() ? null : new VisitorMessage(VisitorMessageView.of(message)));
  }

  /** Agents get the resolved or reopened event's data ({@code conversation}); the visitor a short form. */
  private void publishStatus(Conversation conversation, String eventData) {
    live.publish(tenancy.current(), conversation.contactId(), "conversation.status",
        eventData, new VisitorStatus(conversation.id(), conversation.status().name()));
  }
}
