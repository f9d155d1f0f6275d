package io.convot.conversation;

import io.convot.contact.ContactView;
import jakarta.json.JsonArray;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation on the wire, with its contact and the answers the visitor gave to the app's
 * pre-chat questions when it started ({@code [{"id", "label", "type", "value"}]} in the questions'
 * order, labels as asked then; {@code []} without questions).
 */
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
    JsonArray qualificationAnswers,
    ContactView contact) {

  public static ConversationView of(Conversation conversation, ContactView contact) {
    return new ConversationView(conversation.id(), conversation.appId(), conversation.contactId(),
        conversation.status().name(), conversation.assigneeId(), conversation.createdAt(), conversation.updatedAt(),
        conversation.resolvedAt(), conversation.lastMessageAt(), conversation.qualificationAnswers(), contact);
  }
}
