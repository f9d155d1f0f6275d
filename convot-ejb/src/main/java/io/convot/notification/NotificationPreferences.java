package io.convot.notification;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a member wants to be mailed about: every new conversation or none, and new visitor messages
 * in the conversations assigned to them, in those plus every unassigned one, or none. A member
 * without a row has the defaults.
 */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences extends TenantEntity {

  public static final List<String> NEW_CONVERSATION = List.of("all", "none");
  public static final List<String> NEW_MESSAGE = List.of("assigned", "all_unassigned", "none");
  public static final String DEFAULT_NEW_CONVERSATION = "all";
  public static final String DEFAULT_NEW_MESSAGE = "assigned";

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "new_conversation", nullable = false)
  private String newConversation;

  @Column(name = "new_message", nullable = false)
  private String newMessage;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected NotificationPreferences() {}

  NotificationPreferences(UUID memberId) {
    this.memberId = memberId;
    this.newConversation = DEFAULT_NEW_CONVERSATION;
    this.newMessage = DEFAULT_NEW_MESSAGE;
    this.updatedAt = Timestamps.now();
  }

  /** Absent (null) choices stay as they are. */
  void change(String newConversation, String newMessage) {
    if (newConversation != null) {
      this.newConversation = newConversation;
    }
    if (newMessage != null) {
      this.newMessage = newMessage;
    }
    this.updatedAt = Timestamps.now();
  }

  public UUID memberId() {
    return memberId;
  }

  public String newConversation() {
    return newConversation;
  }

  public String newMessage() {
    return newMessage;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Whether a new conversation is mailed to this member. */
  boolean wantsNewConversations() {
    return "all".equals(newConversation);
  }

  /** Whether a new visitor message is mailed to this member, who is its conversation's assignee or not. */
  boolean wantsMessage(boolean assignedToThem, boolean unassigned) {
    return switch (newMessage) {
      case "assigned" -> assignedToThem;
      case "all_unassigned" -> assignedToThem || unassigned;
      default -> false;
    };
  }
}
