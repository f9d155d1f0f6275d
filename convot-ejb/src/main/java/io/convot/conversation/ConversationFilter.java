package io.convot.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of the conversation list; {@code null} leaves a filter out. {@code unassigned} keeps
 * conversations assigned to nobody, {@code assignedToCaller} those assigned to the calling member.
 */
public record ConversationFilter(UUID appId, Conversation.Status status, UUID assigneeId, boolean unassigned,
    boolean assignedToCaller, UUID contactId, Instant updatedSince) {}
