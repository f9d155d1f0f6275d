package io.convot.conversation;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.contact.Contact;
import io.convot.contact.ContactsByEmail;
import io.convot.member.Member;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Conversations and messages as agents and integrators work on them. */
@Stateless
@TenantScoped
public class ConversationService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject ConversationFlow flow;
  @Inject ContactsByEmail contactsByEmail;
  @Inject Inbox inbox;

  /** Newest activity first (the latest message, else the creation), with what the inbox shows of each. */
  public Page<InboxConversationView> list(ConversationFilter filter, PageRequest page) {
    UUID me = caller.get().memberId();
    if (filter.assignedToCaller() && me == null) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
          List.of(new FieldError("assignee_id", "not_a_member", "an API key is no member: give a member's id instead of me")));
    }
    Keyset.Filter where = new Keyset.Filter()
        .where("e.appId = :appId", "appId", filter.appId())
        .where("e.status = :status", "status", filter.status())
        .where("e.assigneeId = :assigneeId", "assigneeId", filter.assignedToCaller() ? me : filter.assigneeId())
        .where("e.contactId = :contactId", "contactId", filter.contactId())
        .where("e.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince());
    if (filter.unassigned()) {
      where.where("e.assigneeId IS NULL");
    }
    Page<Conversation> found = Keyset.page(em, Conversation.class, where, page, Keyset.Order.newestFirst("lastActivityAt"),
        Conversation::lastActivityAt, Conversation::id);
    return new Page<>(inbox.views(found.data(), me), found.nextCursor());
  }

  public InboxConversationView get(UUID id) {
    return inbox.views(List.of(find(id)), caller.get().memberId()).get(0);
  }

  /** The counts of the inbox's views for the calling member, in one app or all. */
  public ConversationCounts counts(UUID appId) {
    return inbox.counts(appId, caller.get().memberId());
  }

  /** Marks the conversation read for the calling member up to its latest message; an API key has no marker to move. */
  public void markRead(UUID id) {
    UUID me = caller.get().memberId();
    if (me == null) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "An API key is no member and keeps no read marker");
    }
    inbox.markRead(find(id), me);
  }

  /** Assigns to a member of the organization, or unassigns with {@code null}. */
  public ConversationView assign(UUID id, UUID memberId) {
    Conversation conversation = find(id);
    Member assignee = null;
    if (memberId != null) {
      assignee = em.find(Member.class, memberId);
      if (assignee == null || assignee.status() != Member.Status.active) {
        throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
            List.of(new FieldError("member_id", "unknown_member", "no active member of this organization has this id")));
      }
    }
    flow.assign(conversation, assignee);
    return flow.view(conversation);
  }

  public ConversationView resolve(UUID id) {
    Conversation conversation = find(id);
    flow.resolve(conversation, caller.get().memberId());
    return flow.view(conversation);
  }

  public ConversationView reopen(UUID id) {
    Conversation conversation = find(id);
    flow.reopen(conversation);
    return flow.view(conversation);
  }

  public Page<MessageView> messages(UUID id, PageRequest page) {
    return messages(id, null, page);
  }

  /** The messages of a conversation; with {@code updatedSince}, only those written or deleted since then. */
  public Page<MessageView> messages(UUID id, Instant updatedSince, PageRequest page) {
    Conversation conversation = find(id);
    Keyset.Filter where = new Keyset.Filter().where("e.conversationId = :conversationId", "conversationId", conversation.id())
        .where("e.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    return Keyset.page(em, Message.class, where, page, Message::createdAt, Message::id)
        .map(message -> MessageView.of(message, flow.authorOf(message)));
  }

  /** An agent's reply (or private note with {@code privateNote}); API keys write as the team, without a member. */
  public MessageView reply(UUID id, String text, boolean privateNote) {
    Conversation conversation = find(id);
    Caller current = caller.get();
    Member author = current.memberId() == null ? null : em.find(Member.class, current.memberId());
    return flow.agentMessage(conversation, author, text, privateNote);
  }

  public void deleteMessage(UUID messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null || message.deletedAt() != null) {
      throw ConvotException.notFound("Message");
    }
    flow.deleteMessage(find(message.conversationId()), message, flow.authorOf(message));
  }

  /** Same as {@code assign} to nobody: {@code conversation.assigned} with a null assignee, when it was assigned. */
  public ConversationView unassign(UUID id) {
    Conversation conversation = find(id);
    flow.assign(conversation, null);
    return flow.view(conversation);
  }

  /**
   * An agent starts a conversation with its first message (never a private note), always a new
   * conversation even when the contact has one open. Unassigned, like a visitor's.
   */
  public StartedConversation start(NewConversation request) {
    Validation validation = request.check(new Validation());
    Contact contact = null;
    if (request.contactId() != null) {
      contact = em.find(Contact.class, request.contactId());
      validation.require(contact != null && !contact.isDeleted(), "contact_id", "unknown_contact", "no contact of this organization has this id");
      validation.require(contact == null || request.appId() == null || contact.appId().equals(request.appId()),
          "app_id", "other_app", "the contact belongs to another app");
    } else if (request.appId() != null) {
      validation.require(em.find(App.class, request.appId()) != null, "app_id", "unknown_app", "no app of this organization has this id");
    }
    validation.throwIfInvalid();
    if (contact == null) {
      contact = contactsByEmail.findOrCreate(request.appId(), request.email());
    }
    Caller current = caller.get();
    Member author = current.memberId() == null ? null : em.find(Member.class, current.memberId());
    Conversation conversation = flow.start(contact);
    MessageView message = flow.agentMessage(conversation, author, request.text(), false);
    return new StartedConversation(flow.view(conversation), message);
  }

  private Conversation find(UUID id) {
    Conversation conversation = em.find(Conversation.class, id);
    if (conversation == null) {
      throw ConvotException.notFound("Conversation");
    }
    return conversation;
  }
}
