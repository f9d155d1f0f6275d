package io.convot.conversation;

import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One move of a conversation to resolved, kept when it is reopened: reports count resolutions and
 * their times from these rows, by who resolved (null for an API key) and when. The conversation's
 * creation is copied so that a resolution time needs no join. Written once, never changed.
 */
@Entity
@Table(name = "conversation_resolutions")
public class ConversationResolution extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private UUID conversationId;

  @Column(name = "member_id", updatable = false)
  private UUID memberId;

  @Column(name = "conversation_created_at", nullable = false, updatable = false)
  private Instant conversationCreatedAt;

  @Column(name = "resolved_at", nullable = false, updatable = false)
  private Instant resolvedAt;

  protected ConversationResolution() {}

  ConversationResolution(Conversation conversation, UUID memberId) {
    this.id = UUID.randomUUID();
    this.appId = conversation.appId();
    this.conversationId = conversation.id();
    this.memberId = memberId;
    this.conversationCreatedAt = conversation.createdAt();
    this.resolvedAt = conversation.resolvedAt();
  }

  public UUID memberId() {
    return memberId;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }
}
