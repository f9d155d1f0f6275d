package io.convot.conversation;

import java.time.Instant;
import java.util.UUID;

/** The filters of the conversation list; {@code null} leaves a filter out. */
public record ConversationFilter(UUID appId, Conversation.Status status, UUID assigneeId, boolean unassigned,
    UUID contactId, Instant updatedSince) {}
