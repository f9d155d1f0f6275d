package io.convot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a conversation keeps for the inbox as messages arrive: its activity, latest message and waiting time. */
class InboxFieldsTest {

  private final Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID());

  @Test
  void aNewConversationsActivityIsItsCreation() {
    assertEquals(conversation.createdAt(), conversation.lastActivityAt());
    assertNull(conversation.lastMessageId());
    assertNull(conversation.waitingSince());
  }

  @Test
  void theVisitorWaitsFromTheirFirstUnansweredMessageUntilTheTeamReplies() {
    Message first = Message.fromVisitor(conversation, "hello?");
    Message.fromVisitor(conversation, "anyone?");
    assertEquals(first.createdAt(), conversation.waitingSince());

    Message note = Message.fromAgent(conversation, UUID.randomUUID(), "who knows this one?", true);
    assertEquals(first.createdAt(), conversation.waitingSince(), "a note is no answer");
    assertEquals(note.id(), conversation.lastMessageId(), "but it is the latest message");
    assertEquals(note.createdAt(), conversation.lastActivityAt());

    Message.fromAgent(conversation, null, "here", false);
    assertNull(conversation.waitingSince());

    Message again = Message.fromVisitor(conversation, "thanks, one more thing");
    assertEquals(again.createdAt(), conversation.waitingSince());
    assertEquals(again.createdAt(), conversation.lastVisitorMessageAt());
  }

  @Test
  void aPreviewIsTwoHundredCharactersNeverHalfOfOne() {
    String emoji = "\ud83d\ude00";
    String text = "a".repeat(199) + emoji + "tail";

    String preview = InboxConversationView.LastMessage.preview(text);

    assertEquals("a".repeat(199) + emoji, preview);
    assertEquals(200, preview.codePointCount(0, preview.length()));
    assertEquals("short", InboxConversationView.LastMessage.preview("short"));
    assertNull(InboxConversationView.LastMessage.preview(null));
  }
}
