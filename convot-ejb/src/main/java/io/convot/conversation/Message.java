package io.convot.conversation;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message in a conversation: from the visitor, from an agent, or an agent's private note. */
@Entity
@Table(name = "messages")
public class Message extends TenantEntity {

  public static final int MAX_TEXT = 10_000;

  public enum Author { visitor, agent }

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private UUID conversationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "author_type", nullable = false)
  private Author author;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "private", nullable = false)
  private boolean privateNote;

  @Column(nullable = false)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  /** An imported reply's author when they are not a member: the name the source knew them by. */
  @Column(name = "author_name", updatable = false)
  private String authorName;

  protected Message() {}

  private Message(Conversation conversation, Author author, UUID memberId, boolean privateNote, String text) {
    this.id = UUID.randomUUID();
    this.appId = conversation.appId();
    this.conversationId = conversation.id();
    this.author = author;
    this.memberId = memberId;
    this.privateNote = privateNote;
    this.text = checkedText(text);
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  public static Message fromVisitor(Conversation conversation, String text) {
    return added(conversation, new Message(conversation, Author.visitor, null, false, text));
  }

  public static Message fromAgent(Conversation conversation, UUID memberId, String text, boolean privateNote) {
    return added(conversation, new Message(conversation, Author.agent, memberId, privateNote, text));
  }

  private static Message added(Conversation conversation, Message message) {
    conversation.messageAdded(message);
    return message;
  }

  /** Text is 1 to 10,000 characters and not only blanks. */
  public static String checkedText(String text) {
    if (text == null || text.isBlank()) {
      throw invalidText("required", "text is required");
    }
    if (text.length() > MAX_TEXT) {
      throw invalidText("too_long", "text must be at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static ConvotException invalidText(String code, String message) {
    return new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
        List.of(new FieldError("text", code, message)));
  }

  /** Soft delete: the row stays for the record, its text is no longer shown. */
  public void delete() {
    if (deletedAt != null) {
      throw ConvotException.notFound("Message");
    }
    deletedAt = Timestamps.now();
    updatedAt = deletedAt;
  }

  public boolean isVisibleToVisitor() {
    return !privateNote && deletedAt == null;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public UUID conversationId() {
    return conversationId;
  }

  public Author author() {
    return author;
  }

  public UUID memberId() {
    return memberId;
  }

  public boolean isPrivate() {
    return privateNote;
  }

  public String text() {
    return deletedAt == null ? text : null;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String authorName() {
    return authorName;
  }
}
