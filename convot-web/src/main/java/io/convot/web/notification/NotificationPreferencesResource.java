package io.convot.web.notification;

import io.convot.notification.NotificationPreferenceService;
import io.convot.notification.PreferencesView;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The signed-in member's mail notifications: which new conversations and messages they are mailed about. */
@Path("me/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationPreferencesResource {

  /** {@code {"new_conversation": "all" | "none", "new_message": "assigned" | "all_unassigned" | "none"}}; a field left out stays. */
  public record PreferencesChange(@NotNullable String newConversation, @NotNullable String newMessage) {}

  @Inject NotificationPreferenceService preferences;

  @GET
  @Operation(summary = "Read the signed-in member's notification preferences",
      description = "Defaults: new_conversation all, new_message assigned (updated_at null until first changed).")
  @APIResponse(responseCode = "200", description = "The preferences")
  @APIResponse(responseCode = "403", description = "sign_in_required (an API key)")
  public PreferencesView get() {
    return preferences.get();
  }

  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  @Operation(summary = "Change the signed-in member's notification preferences",
      description = "Mail goes only to members without the dashboard open, after convot.notifications.email-delay, at most once per"
          + " conversation every 10 minutes, and not when the conversation was read meanwhile.")
  @APIResponse(responseCode = "200", description = "The preferences as now")
  @APIResponse(responseCode = "403", description = "sign_in_required (an API key)")
  @APIResponse(responseCode = "422", description = "validation_failed: new_conversation (all, none), new_message (assigned, all_unassigned, none)")
  public PreferencesView change(PreferencesChange body) {
    return preferences.change(body.newConversation(), body.newMessage());
  }
}
