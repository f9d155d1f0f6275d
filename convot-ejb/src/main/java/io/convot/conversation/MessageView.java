package io.convot.conversation;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

/** A message on the wire for agents and integrators; a deleted message keeps its place without text. */
public record MessageView(
    UUID id,
    UUID conversationId,
    UUID appId,
    String from,
    @JsonbProperty("private") boolean privateNote,
    String text,
    Author author,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt) {

  /** The member who wrote an agent message. */
  public record Author(UUID id, String name) {}

  public static MessageView of(Message message, Author author) {
    return new MessageView(message.id(), message.conversationId(), message.appId(), message.author().name(),
        message.isPrivate(), message.text(), author, message.createdAt(), message.updatedAt(), message.deletedAt());
  }
}
