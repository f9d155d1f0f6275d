package io.convot.conversation;

/**
 * The inbox's counts for the calling member. {@code open}, {@code mine} (assigned to the caller),
 * {@code unassigned} and {@code waiting} (the visitor wrote after the team's last reply) count open
 * conversations, {@code resolved} resolved ones, {@code unread} those of any status with a visitor
 * message after the caller's read marker. {@code mine} and {@code unread} are null for an API key,
 * which is no member.
 */
public record ConversationCounts(long open, Long mine, long unassigned, long resolved, long waiting, Long unread) {}
