package io.convot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a conversation keeps for reports as messages arrive: the first visitor message, the first reply and its sender. */
class ReportFactsTest {

  private final Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID());

  @Test
  void theFirstReplyIsTheFirstAgentMessageAfterTheVisitorsFirstNotANote() {
    UUID opener = UUID.randomUUID();
    Message.fromAgent(conversation, opener, "can we help?", false);
    assertNull(conversation.firstReplyAt(), "an agent's opening message answers nothing");

    Message first = Message.fromVisitor(conversation, "yes please");
    Message.fromVisitor(conversation, "still there?");
    assertEquals(first.createdAt(), conversation.firstVisitorMessageAt());

    Message.fromAgent(conversation, UUID.randomUUID(), "who takes this?", true);
    assertNull(conversation.firstReplyAt(), "a note is no reply");

    UUID responder = UUID.randomUUID();
    Message reply = Message.fromAgent(conversation, responder, "here", false);
    Message.fromAgent(conversation, opener, "and me", false);
    Message.fromVisitor(conversation, "thanks");

    assertEquals(first.createdAt(), conversation.firstVisitorMessageAt());
    assertEquals(reply.createdAt(), conversation.firstReplyAt());
    assertEquals(responder, conversation.firstResponderId());
  }

  @Test
  void anApiKeysReplyHasNoResponder() {
    Message.fromVisitor(conversation, "hello");
    Message reply = Message.fromAgent(conversation, null, "hi from the integration", false);

    assertEquals(reply.createdAt(), conversation.firstReplyAt());
    assertNull(conversation.firstResponderId());
  }
}
