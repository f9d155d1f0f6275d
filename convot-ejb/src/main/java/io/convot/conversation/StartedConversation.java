package io.convot.conversation;

/** A conversation an agent just started, with its first message. */
public record StartedConversation(ConversationView conversation, MessageView message) {}
