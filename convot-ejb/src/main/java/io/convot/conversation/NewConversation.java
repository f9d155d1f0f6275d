package io.convot.conversation;

import io.convot.common.Validation;
import java.util.UUID;

/**
 * An agent-initiated conversation: with an existing contact ({@code contactId}), or with whoever
 * has {@code email} in the app {@code appId} (a new contact if nobody does), opened by {@code text}.
 */
public record NewConversation(UUID contactId, UUID appId, String email, String text) {

  /** Adds the errors of the request's shape: one way to name the contact, and a first message. */
  public Validation check(Validation validation) {
    if (contactId == null) {
      validation.require(appId != null, "app_id", "required", "app_id is required with email (or give contact_id)");
      validation.email(email, "email");
    } else {
      validation.require(email == null, "email", "not_allowed", "give contact_id, or app_id and email, not both");
    }
    return validation.text(text, "text", Message.MAX_TEXT);
  }
}
