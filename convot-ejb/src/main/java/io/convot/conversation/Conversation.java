package io.convot.conversation;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A conversation of one contact with the team of one app: open or resolved, maybe assigned. */
@Entity
@Table(name = "conversations")
public class Conversation extends TenantEntity {

  public enum Status { open, resolved }

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private UUID contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "assignee_id")
  private UUID assigneeId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "last_message_at")
  private Instant lastMessageAt;

  /** The inbox's order: the latest message's time, else the creation's. */
  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Column(name = "last_message_id")
  private UUID lastMessageId;

  /** The latest visitor message not deleted: after a member's read marker, the conversation is unread for them. */
  @Column(name = "last_visitor_message_at")
  private Instant lastVisitorMessageAt;

  /** Since when the visitor awaits an answer: their first message after the team's last reply; null when answered. */
  @Column(name = "waiting_since")
  private Instant waitingSince;

  /** JSON text of the pre-chat answers it started with (see {@link ConversationView}); null: none. */
  @Column(name = "qualification_answers", updatable = false)
  private String qualificationAnswers;

  /** For reports: the visitor's first message, kept when it is deleted. */
  @Column(name = "first_visitor_message_at")
  private Instant firstVisitorMessageAt;

  /** For reports: the team's first reply (not a note) after the visitor's first message, kept when it is deleted. */
  @Column(name = "first_reply_at")
  private Instant firstReplyAt;

  /** Who sent the first reply; null for an API key. */
  @Column(name = "first_responder_id")
  private UUID firstResponderId;

  protected Conversation() {}

  /** A conversation started with the visitor's checked answers to the app's pre-chat questions. */
  public Conversation(UUID appId, UUID contactId, jakarta.json.JsonArray answers) {
    this(appId, contactId);
    this.qualificationAnswers = answers == null || answers.isEmpty() ? null : answers.toString();
  }

  public jakarta.json.JsonArray qualificationAnswers() {
    return qualificationAnswers == null ? jakarta.json.JsonValue.EMPTY_JSON_ARRAY
        : io.convot.common.JsonText.read(qualificationAnswers).asJsonArray();
  }

  public Conversation(UUID appId, UUID contactId) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.contactId = contactId;
    this.status = Status.open;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
    this.lastActivityAt = createdAt;
  }

  /** Returns whether the assignee changed. */
  public boolean assign(UUID memberId) {
    if (Objects.equals(assigneeId, memberId)) {
      return false;
    }
    assigneeId = memberId;
    touch();
    return true;
  }

  public void resolve() {
    if (status == Status.resolved) {
      throw new ConvotException(ErrorCode.CONFLICT, "The conversation is already resolved");
    }
    status = Status.resolved;
    resolvedAt = Timestamps.now();
    touch();
  }

  public void reopen() {
    if (status == Status.open) {
      throw new ConvotException(ErrorCode.CONFLICT, "The conversation is already open");
    }
    status = Status.open;
    resolvedAt = null;
    touch();
  }

  public boolean isResolved() {
    return status == Status.resolved;
  }

  void messageAdded(Message message) {
    lastMessageAt = message.createdAt();
    lastActivityAt = lastMessageAt;
    lastMessageId = message.id();
    if (message.author() == Message.Author.visitor) {
      lastVisitorMessageAt = message.createdAt();
      if (waitingSince == null) {
        waitingSince = message.createdAt();
      }
      if (firstVisitorMessageAt == null) {
        firstVisitorMessageAt = message.createdAt();
      }
    } else if (!message.isPrivate()) {
      waitingSince = null;
      if (firstReplyAt == null && firstVisitorMessageAt != null) {
        firstReplyAt = message.createdAt();
        firstResponderId = message.memberId();
      }
    }
    touch();
  }

  /**
   * After a deletion: the latest visitor message and the waiting time as the messages that remain
   * tell them ({@code waitingSince} is null when the team's reply is the latest).
   */
  void visibleMessagesChanged(Instant latestVisitorMessage, Instant waitingSince) {
    this.lastVisitorMessageAt = latestVisitorMessage;
    this.waitingSince = waitingSince;
  }

  void touch() {
    updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public UUID contactId() {
    return contactId;
  }

  public Status status() {
    return status;
  }

  public UUID assigneeId() {
    return assigneeId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public Instant lastMessageAt() {
    return lastMessageAt;
  }

  public Instant lastActivityAt() {
    return lastActivityAt;
  }

  public UUID lastMessageId() {
    return lastMessageId;
  }

  public Instant lastVisitorMessageAt() {
    return lastVisitorMessageAt;
  }

  public Instant waitingSince() {
    return waitingSince;
  }

  public Instant firstVisitorMessageAt() {
    return firstVisitorMessageAt;
  }

  public Instant firstReplyAt() {
    return firstReplyAt;
  }

  public UUID firstResponderId() {
    return firstResponderId;
  }
}
