package io.convot.notification;

import java.time.Instant;

/** A member's mail preferences on the wire; {@code updated_at} is null while they are the defaults. */
public record PreferencesView(String newConversation, String newMessage, Instant updatedAt) {

  static PreferencesView of(NotificationPreferences preferences, boolean stored) {
    return new PreferencesView(preferences.newConversation(), preferences.newMessage(), stored ? preferences.updatedAt() : null);
  }
}
