package io.convot.notification;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Validation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The signed-in member's own mail preferences (an API key has none: it is no member). */
@Stateless
@TenantScoped
public class NotificationPreferenceService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;

  public PreferencesView get() {
    NotificationPreferences stored = em.find(NotificationPreferences.class, memberId());
    return stored == null ? PreferencesView.of(new NotificationPreferences(memberId()), false) : PreferencesView.of(stored, true);
  }

  /** Changes what is given; a choice left out (null) stays. */
  public PreferencesView change(String newConversation, String newMessage) {
    java.util.UUID member = memberId();
    new Validation()
        .require(newConversation == null || NotificationPreferences.NEW_CONVERSATION.contains(newConversation), "new_conversation",
            "invalid_value", "new_conversation is all or none")
        .require(newMessage == null || NotificationPreferences.NEW_MESSAGE.contains(newMessage), "new_message",
            "invalid_value", "new_message is assigned, all_unassigned or none")
        .throwIfInvalid();
    NotificationPreferences preferences = em.find(NotificationPreferences.class, member);
    if (preferences == null) {
      preferences = new NotificationPreferences(member);
      preferences.change(newConversation, newMessage);
      em.persist(preferences);
    } else {
      preferences.change(newConversation, newMessage);
    }
    return PreferencesView.of(preferences, true);
  }

  private java.util.UUID memberId() {
    Caller who = caller.get();
    if (!who.isMember()) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "Notification preferences are a member's own: sign in as that member");
    }
    return who.memberId();
  }
}
