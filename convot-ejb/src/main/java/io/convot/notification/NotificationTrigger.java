package io.convot.notification;

import io.convot.conversation.ConversationEvent.ConversationAssigned;
import io.convot.conversation.ConversationEvent.ConversationCreated;
import io.convot.conversation.ConversationEvent.ConversationResolved;
import io.convot.conversation.ConversationEvent.MessageReceived;
import io.convot.conversation.ConversationEvent.MessageSent;
import io.convot.event.EventRecorded;
import io.convot.event.OutboxEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, inside the transaction of each change, who hears about it: members by mail
 * ({@link AgentNotices}) and the organization's Slack and Discord channels ({@link ChannelFanOut}).
 * Both only queue messages on the broker in that transaction, so a rolled-back change tells nobody
 * and nothing a visitor does waits on SMTP, Slack or Discord.
 *
 * <p>A conversation starts with its first message in one transaction ({@code conversation.created},
 * then {@code message.received} from a visitor or {@code message.sent} from an agent). The creation
 * is remembered for the rest of the transaction, and told with its first message: one mail and one
 * post, not two.
 */
@ApplicationScoped
public class NotificationTrigger {

  private static final String CREATED = NotificationTrigger.class.getName() + ".created";

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transaction;

  @Inject AgentNotices agents;
  @Inject ChannelFanOut channels;

  void on(@Observes EventRecorded recorded) {
    OutboxEvent event = recorded.event();
    if (event instanceof ConversationCreated created) {
      createdInThisTransaction().add(created.conversation().id());
    } else if (event instanceof MessageReceived received) {
      boolean starts = createdInThisTransaction().contains(received.conversation().id());
      channels.visitorMessage(received, starts);
      agents.visitorMessage(recorded.organizationId(), received, starts);
    } else if (event instanceof MessageSent sent && createdInThisTransaction().contains(sent.conversation().id())) {
      channels.startedByAgent(sent);
    } else if (event instanceof ConversationAssigned assigned) {
      channels.assigned(assigned);
    } else if (event instanceof ConversationResolved resolved) {
      channels.resolved(resolved);
    }
  }

  @SuppressWarnings("unchecked")
  private Set<UUID> createdInThisTransaction() {
    Set<UUID> created = (Set<UUID>) transaction.getResource(CREATED);
    if (created == null) {
      created = new HashSet<>();
      transaction.putResource(CREATED, created);
    }
    return created;
  }
}
