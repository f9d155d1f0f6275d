package io.convot.conversation;

import java.util.UUID;

/**
 * The content of live updates that differ from the outbox event's data: what the visitor may see, and
 * the short forms. {@code type} is added by {@link io.convot.realtime.LiveUpdates}.
 */
public sealed interface ConversationUpdate {

  record AgentMessage(MessageView message, ConversationView conversation) implements ConversationUpdate {}

  /** A conversation as it is now, for an agent catching up after a reconnect. */
  record ConversationSnapshot(ConversationView conversation) implements ConversationUpdate {}

  record VisitorMessage(VisitorMessageView message) implements ConversationUpdate {}

  record MessageGone(UUID messageId, UUID conversationId) implements ConversationUpdate {}

  record VisitorStatus(UUID conversationId, String status) implements ConversationUpdate {}

  /** The visitor learns only the assignee's name, or null when unassigned. */
  record VisitorAssigned(AssigneeName assignee) implements ConversationUpdate {}

  record AssigneeName(String name) {}

  /** An agent typing, as other agents see it; {@code memberId} is empty for an integration. */
  record AgentTypingUpdate(String from, UUID conversationId, String memberId) implements ConversationUpdate {}

  /** Who is typing, as the visitor sees it. */
  record TypingFrom(String from) implements ConversationUpdate {}

  record VisitorTyping(String from, UUID contactId) implements ConversationUpdate {}
}
