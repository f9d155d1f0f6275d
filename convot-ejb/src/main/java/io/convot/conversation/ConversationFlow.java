package io.convot.conversation;

import io.convot.contact.Contact;
import io.convot.contact.ContactView;
import io.convot.event.EventType;
import io.convot.event.Outbox;
import io.convot.member.Member;
import io.convot.realtime.LiveUpdates;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

  /** A visitor's message goes to the contact's latest conversation, reopened if resolved, or a new one. */
  public MessageView visitorMessage(Contact contact, String text) {
    Message.checkedText(text);
    Conversation conversation = latestOf(contact.id());
    if (conversation == null) {
      conversation = start(contact);
    } else if (conversation.isResolved()) {
      reopen(conversation);
    }
    Message message = Message.fromVisitor(conversation, text);
    em.persist(message);
    MessageView view = MessageView.of(message, null);
    outbox.record(EventType.MESSAGE_RECEIVED, contact.appId(),
        data("message", view, "conversation", view(conversation, contact), "contact", ContactView.of(contact)));
    publishMessage(conversation, view);
    return view;
  }

  /** A new conversation of {@code contact}, started by the visitor's first message or by an agent. */
  public Conversation start(Contact contact) {
    Conversation conversation = new Conversation(contact.appId(), contact.id());
    em.persist(conversation);
    outbox.record(EventType.CONVERSATION_CREATED, contact.appId(), data("conversation", view(conversation, contact), "contact", ContactView.of(contact)));
    return conversation;
  }

  public MessageView agentMessage(Conversation conversation, Member author, String text, boolean privateNote) {
    Message message = Message.fromAgent(conversation, author == null ? null : author.id(), text, privateNote);
    em.persist(message);
    MessageView view = MessageView.of(message, author == null ? null : new MessageView.Author(author.id(), author.name()));
    if (!privateNote) {
      Contact contact = em.find(Contact.class, conversation.contactId());
      outbox.record(EventType.MESSAGE_SENT, conversation.appId(),
          data("message", view, "conversation", view(conversation, contact), "contact", ContactView.of(contact)));
    }
    publishMessage(conversation, view);
    return view;
  }

  public void deleteMessage(Conversation conversation, Message message, MessageView.Author author) {
    message.delete();
    conversation.touch();
    MessageView view = MessageView.of(message, author);
    outbox.record(EventType.MESSAGE_DELETED, conversation.appId(), data("message", view, "conversation", view(conversation)));
    Map<String, Object> update = data("type", "message.deleted", "message_id", message.id(), "conversation_id", conversation.id());
    live.publish(tenancy.current(), conversation.contactId(), update, message.isPrivate() ? null : update);
  }

  public void assign(Conversation conversation, Member assignee) {
    if (!conversation.assign(assignee == null ? null : assignee.id())) {
      return;
    }
    Map<String, Object> assigneeView = assignee == null ? null : data("id", assignee.id(), "name", assignee.name(), "email", assignee.email());
    outbox.record(EventType.CONVERSATION_ASSIGNED, conversation.appId(), data("conversation", view(conversation), "assignee", assigneeView));
    live.publish(tenancy.current(), conversation.contactId(),
        data("type", "conversation.assigned", "conversation", view(conversation), "assignee", assigneeView),
        data("type", "conversation.assigned", "assignee", assignee == null ? null : data("name", assignee.name())));
  }

  public void resolve(Conversation conversation) {
    conversation.resolve();
    outbox.record(EventType.CONVERSATION_RESOLVED, conversation.appId(), data("conversation", view(conversation)));
    publishStatus(conversation);
  }

  public void reopen(Conversation conversation) {
    conversation.reopen();
    outbox.record(EventType.CONVERSATION_REOPENED, conversation.appId(), data("conversation", view(conversation)));
    publishStatus(conversation);
  }

  /** The member who wrote an agent message, while they are still a member. */
  public MessageView.Author authorOf(Message message) {
    if (message.memberId() == null) {
      return null;
    }
    Member member = em.find(Member.class, message.memberId());
    return member == null ? null : new MessageView.Author(member.id(), member.name());
  }

  public ConversationView view(Conversation conversation) {
    return view(conversation, em.find(Contact.class, conversation.contactId()));
  }

  private static ConversationView view(Conversation conversation, Contact contact) {
    return ConversationView.of(conversation, contact == null ? null : ContactView.of(contact));
  }

  Conversation latestOf(UUID contactId) {
    List<Conversation> latest = em.createQuery(
            "SELECT c FROM Conversation c WHERE c.contactId = :contactId ORDER BY c.createdAt DESC, c.id DESC", Conversation.class)
        .setParameter("contactId", contactId).setMaxResults(1).getResultList();
    return latest.isEmpty() ? null : latest.get(0);
  }

  private void publishMessage(Conversation conversation, MessageView message) {
    Map<String, Object> agents = data("type", "message", "message", message, "conversation", view(conversation));
    Object visitor = message.privateNote() ? null : data("type", "message", "message", VisitorMessageView.of(message));
    live.publish(tenancy.current(), conversation.contactId(), agents, visitor);
  }

  private void publishStatus(Conversation conversation) {
    live.publish(tenancy.current(), conversation.contactId(),
        data("type", "conversation.status", "conversation", view(conversation)),
        data("type", "conversation.status", "conversation_id", conversation.id(), "status", conversation.status().name()));
  }

  /** An ordered map of alternating keys and values; values may be null. */
  static Map<String, Object> data(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
