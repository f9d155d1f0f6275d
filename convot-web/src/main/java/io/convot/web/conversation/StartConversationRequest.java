package io.convot.web.conversation;

/**
 * {@code POST /conversations}: {@code contact_id}, or {@code app_id} and {@code email}, and the
 * first message's {@code text}. Ids are read as text so that a malformed one is a field error.
 */
public record StartConversationRequest(String contactId, String appId, String email, String text) {}
