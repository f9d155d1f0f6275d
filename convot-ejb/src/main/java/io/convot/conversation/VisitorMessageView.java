package io.convot.conversation;

import java.time.Instant;
import java.util.UUID;

/** A message as the visitor's widget shows it: no notes, no member ids. */
public record VisitorMessageView(UUID id, UUID conversationId, String from, String text, Author author, Instant createdAt) {

  public record Author(String name) {}

  public static VisitorMessageView of(MessageView message) {
    return new VisitorMessageView(message.id(), message.conversationId(), message.from(), message.text(),
        message.author() == null ? null : new Author(message.author().name()), message.createdAt());
  }
}
