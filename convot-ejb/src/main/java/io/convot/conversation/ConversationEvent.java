package io.convot.conversation;

import io.convot.contact.ContactView;
import io.convot.event.EventType;
import io.convot.event.OutboxEvent;
import io.convot.member.Member;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.UUID;

/** The outbox events of conversations and their messages, as webhooks.md describes their data. */
public sealed interface ConversationEvent extends OutboxEvent {

  record MessageReceived(@JsonbTransient UUID appId, MessageView message, ConversationView conversation, ContactView contact)
      implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.MESSAGE_RECEIVED;
    }
  }

  record MessageSent(@JsonbTransient UUID appId, MessageView message, ConversationView conversation, ContactView contact)
      implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.MESSAGE_SENT;
    }
  }

  record MessageDeleted(@JsonbTransient UUID appId, MessageView message, ConversationView conversation) implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.MESSAGE_DELETED;
    }
  }

  record ConversationCreated(@JsonbTransient UUID appId, ConversationView conversation, ContactView contact) implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.CONVERSATION_CREATED;
    }
  }

  /** {@code assignee} is null when the conversation was unassigned. */
  record ConversationAssigned(@JsonbTransient UUID appId, ConversationView conversation, Assignee assignee) implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.CONVERSATION_ASSIGNED;
    }
  }

  record ConversationResolved(@JsonbTransient UUID appId, ConversationView conversation) implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.CONVERSATION_RESOLVED;
    }
  }

  record ConversationReopened(@JsonbTransient UUID appId, ConversationView conversation) implements ConversationEvent {
    @Override
    public EventType type() {
      return EventType.CONVERSATION_REOPENED;
    }
  }

  record Assignee(UUID id, String name, String email) {
    static Assignee of(Member member) {
      return member == null ? null : new Assignee(member.id(), member.name(), member.email());
    }
  }
}
