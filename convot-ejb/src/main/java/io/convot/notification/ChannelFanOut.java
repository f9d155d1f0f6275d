package io.convot.notification;

import io.convot.app.App;
import io.convot.contact.ContactView;
import io.convot.conversation.ConversationEvent.ConversationAssigned;
import io.convot.conversation.ConversationEvent.ConversationResolved;
import io.convot.conversation.ConversationEvent.MessageReceived;
import io.convot.conversation.ConversationEvent.MessageSent;
import io.convot.conversation.ConversationView;
import io.convot.event.EventReceivers;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * Queues one post per channel that wants an event, its body built now in the channel's format, in
 * the change's own transaction. A conversation's first visitor message is one post: as
 * {@code conversation.created} to a channel that wants that, else as {@code message.received}.
 */
@ApplicationScoped
public class ChannelFanOut {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject NotificationQueues queues;
  @Inject NotificationSettings settings;
  @Inject EventReceivers receivers;

  void visitorMessage(MessageReceived received, boolean startsConversation) {
    String contact = contactName(received.contact());
    for (NotificationChannel channel : channels()) {
      UUID app = received.appId();
      if (startsConversation && channel.wants("conversation.created", app)) {
        post(channel, "conversation.created", "New conversation from %s in %s", received.conversation(), received.message().text(),
            received.message().createdAt(), contact);
      } else if (channel.wants("message.received", app)) {
        post(channel, "message.received", "New message from %s in %s", received.conversation(), received.message().text(),
            received.message().createdAt(), contact);
      }
    }
  }

  void startedByAgent(MessageSent sent) {
    String contact = contactName(sent.contact());
    String agent = sent.message().author() == null || sent.message().author().name() == null ? "Your team" : sent.message().author().name();
    for (NotificationChannel channel : channels()) {
      if (channel.wants("conversation.created", sent.appId())) {
        post(channel, "conversation.created", "%s started a conversation with %s in %s", sent.conversation(), sent.message().text(),
            sent.message().createdAt(), agent, contact);
      }
    }
  }

  void assigned(ConversationAssigned assigned) {
    String contact = contactName(assigned.conversation().contact());
    for (NotificationChannel channel : channels()) {
      if (channel.wants("conversation.assigned", assigned.appId())) {
        if (assigned.assignee() == null) {
          post(channel, "conversation.assigned", "The conversation with %s in %s is unassigned", assigned.conversation(), null,
              assigned.conversation().updatedAt(), contact);
        } else {
          String name = assigned.assignee().name() == null ? assigned.assignee().email() : assigned.assignee().name();
          post(channel, "conversation.assigned", "The conversation with %s in %s is assigned to %s", assigned.conversation(), null,
              assigned.conversation().updatedAt(), contact, null, name);
        }
      }
    }
  }

  void resolved(ConversationResolved resolved) {
    String contact = contactName(resolved.conversation().contact());
    for (NotificationChannel channel : channels()) {
      if (channel.wants("conversation.resolved", resolved.appId())) {
        post(channel, "conversation.resolved", "The conversation with %s in %s is resolved", resolved.conversation(), null,
            resolved.conversation().updatedAt(), contact);
      }
    }
  }

  /**
   * One post; the app's name goes in place of the {@code null} subject, or after the given ones
   * when none is null.
   */
  private void post(NotificationChannel channel, String event, String headline, ConversationView conversation, String quote, Instant at,
      String... subjects) {
    String app = appName(conversation.appId());
    String[] filled = withApp(subjects, app);
    String body = ChannelPayloads.post(channel.kind(), headline, filled, quote, settings.conversationLink(conversation.id()), app,
        at == null ? io.convot.common.Timestamps.now() : at);
    queues.post(new NotificationQueues.ChannelPost(tenancy.current(), channel.id(), event, body, 1), Duration.ZERO);
  }

  private static String[] withApp(String[] subjects, String app) {
    for (int i = 0; i < subjects.length; i++) {
      if (subjects[i] == null) {
        String[] filled = subjects.clone();
        filled[i] = app;
        return filled;
      }
    }
    String[] filled = java.util.Arrays.copyOf(subjects, subjects.length + 1);
    filled[subjects.length] = app;
    return filled;
  }

  /**
   * The organization's active channels; read only, as no post changes one here. None to read when the
   * transaction learnt already that the organization has none.
   */
  private List<NotificationChannel> channels() {
    if (receivers.noNotificationChannels(tenancy.current())) {
      return List.of();
    }
    return em.createQuery("SELECT c FROM NotificationChannel c WHERE c.active = true", NotificationChannel.class)
        .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
        .getResultList();
  }

  private String appName(UUID appId) {
    App app = appId == null ? null : em.find(App.class, appId);
    return app == null ? "your app" : app.name();
  }

  private static String contactName(ContactView contact) {
    if (contact == null) {
      return "A visitor";
    }
    if (contact.nickname() != null && !contact.nickname().isBlank()) {
      return contact.nickname();
    }
    return contact.email() != null && !contact.email().isBlank() ? contact.email() : "A visitor";
  }
}
