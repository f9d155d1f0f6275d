package io.convot.conversation;

import io.convot.contact.ContactView;
import java.time.Instant;
import java.util.UUID;

/** A conversation on the wire, with its contact. */
public record ConversationView(
    UUID id,
    UUID appId,
    UUID contactId,
    String status,
    UUID assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant lastMessageAt,
    ContactView contact) {

  public static ConversationView of(Conversation conversation, ContactView contact) {
    return new ConversationView(conversation.id(), conversation.appId(), conversation.contactId(),
        conversation.status().name(), conversation.assigneeId(), conversation.createdAt(), conversation.updatedAt(),
        conversation.resolvedAt(), conversation.lastMessageAt(), contact);
  }
}
