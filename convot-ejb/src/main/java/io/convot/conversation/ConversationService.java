package io.convot.conversation;

import io.convot.auth.Caller;
import io.convot.auth.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.member.Member;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  public Page<ConversationView> list(ConversationFilter filter, PageRequest page) {
    Keyset.Filter where = new Keyset.Filter()
        .where("e.appId = :appId", "appId", filter.appId())
        .where("e.status = :status", "status", filter.status())
        .where("e.assigneeId = :assigneeId", "assigneeId", filter.assigneeId())
        .where("e.contactId = :contactId", "contactId", filter.contactId())
        .where("e.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince());
    if (filter.unassigned()) {
      where.where("e.assigneeId IS NULL");
    }
    return Keyset.page(em, Conversation.class, where, page, Conversation::createdAt, Conversation::id).map(flow::view);
  }

  public ConversationView get(UUID id) {
    return flow.view(find(id));
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
    flow.resolve(conversation);
    return flow.view(conversation);
  }

  public ConversationView reopen(UUID id) {
    Conversation conversation = find(id);
    flow.reopen(conversation);
    return flow.view(conversation);
  }

  public Page<MessageView> messages(UUID id, PageRequest page) {
    Conversation conversation = find(id);
    Keyset.Filter where = new Keyset.Filter().where("e.conversationId = :conversationId", "conversationId", conversation.id());
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

  private Conversation find(UUID id) {
    Conversation conversation = em.find(Conversation.class, id);
    if (conversation == null) {
      throw ConvotException.notFound("Conversation");
    }
    return conversation;
  }
}
