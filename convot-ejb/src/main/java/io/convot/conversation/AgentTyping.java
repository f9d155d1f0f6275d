package io.convot.conversation;

import io.convot.access.Caller;
import io.convot.realtime.LiveUpdates;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** An agent typing in a conversation: shown live to the visitor and to the other agents. */
@Stateless
public class AgentTyping {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject LiveUpdates live;

  public void typing(Caller caller, UUID conversationId) {
    tenancy.enter(caller.organizationId());
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null) {
      return; // another organization's, or gone: nothing to tell anyone
    }
    live.publishTyping(caller.organizationId(), conversation.contactId(),
        new ConversationUpdate.AgentTypingUpdate("agent", conversationId, caller.memberId() == null ? "" : caller.memberId().toString()),
        new ConversationUpdate.TypingFrom("agent"));
  }
}
