package io.convot.conversation;

import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * How far a member has read a conversation: up to the time of its latest message when they marked
 * it. {@link Inbox} writes it with one upsert (two tabs of one member may mark at once) and reads it
 * in its unread counts; JPA never writes it.
 */
@Entity
@Table(name = "conversation_reads")
public class ConversationRead extends TenantEntity {

  @Id private UUID id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private UUID conversationId;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(name = "read_up_to", nullable = false)
  private Instant readUpTo;

  protected ConversationRead() {}
}
