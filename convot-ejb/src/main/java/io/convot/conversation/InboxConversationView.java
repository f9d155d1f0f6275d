package io.convot.conversation;

import io.convot.contact.ContactView;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the REST API lists and reads it: the fields of {@link ConversationView} (which
 * events carry, and which must not change with the inbox) plus what the inbox shows of it.
 *
 * @param lastActivityAt the list's order: the latest message's time, else the creation's
 * @param lastMessage the latest message (a note or a deleted one included), or null
 * @param unreadCount the visitor messages after the calling member's read marker; null for an API key
 * @param waitingSince since when the visitor awaits an answer, or null
 */
public record InboxConversationView(
    UUID id,
    UUID appId,
    UUID contactId,
    String status,
    UUID assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant lastMessageAt,
    jakarta.json.JsonArray qualificationAnswers,
    ContactView contact,
    Instant lastActivityAt,
    LastMessage lastMessage,
    Integer unreadCount,
    Instant waitingSince) {

  /** Enough of a message for a line of the list: its text cut to {@link #PREVIEW} characters, null once deleted. */
  public record LastMessage(UUID id, String from, @JsonbProperty("private") boolean privateNote, String text, Instant createdAt) {

    public static final int PREVIEW = 200;

    static LastMessage of(Message message) {
      return new LastMessage(message.id(), message.author().name(), message.isPrivate(), preview(message.text()), message.createdAt());
    }

    /** The first {@link #PREVIEW} characters (code points: an emoji is one, never cut in half). */
    static String preview(String text) {
      if (text == null || text.codePointCount(0, text.length()) <= PREVIEW) {
        return text;
      }
      return text.substring(0, text.offsetByCodePoints(0, PREVIEW));
    }
  }

  static InboxConversationView of(ConversationView view, Conversation conversation, Message lastMessage, Integer unreadCount) {
    return new InboxConversationView(view.id(), view.appId(), view.contactId(), view.status(), view.assigneeId(),
        view.createdAt(), view.updatedAt(), view.resolvedAt(), view.lastMessageAt(), view.qualificationAnswers(), view.contact(),
        conversation.lastActivityAt(), lastMessage == null ? null : LastMessage.of(lastMessage), unreadCount,
        conversation.waitingSince());
  }
}
