package io.convot.conversation;

import io.convot.access.Caller;
import io.convot.conversation.ConversationUpdate.AgentMessage;
import io.convot.conversation.ConversationUpdate.ConversationSnapshot;
import io.convot.realtime.LiveCursor;
import io.convot.realtime.LiveUpdates;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an organization's agents could have missed while a dashboard was offline: every message
 * (notes and deleted ones included) and every conversation changed since a time, oldest first, as
 * the frames the live connection would have carried. Read in the caller's organization, like any
 * of its requests.
 */
@Stateless
public class AgentCatchUp {

  /**
   * How far before the cursor a catch-up reads. Transactions commit out of order: one that stamped
   * its rows a little before the cursor may have committed after it. Clients drop what they have.
   */
  public static final Duration MARGIN = Duration.ofSeconds(5);
  /** Beyond this, reloading the lists is cheaper than replaying, for the client as for the server. */
  public static final Duration MAX_AGE = Duration.ofHours(24);
  public static final int MAX_ITEMS = 500;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject ConversationFlow flow;

  /** Whether a dashboard last in touch at {@code since} can catch up at {@code now}: neither too old nor in the future. */
  public static boolean canReplay(Instant since, Instant now) {
    return !since.isBefore(now.minus(MAX_AGE)) && !since.isAfter(now.plus(MARGIN));
  }

  /**
   * The frames ({@code message}, {@code conversation}) since {@code since}, or empty when there are
   * more than {@link #MAX_ITEMS}. Each carries the cursor of {@code since}: a client that drops
   * mid-way starts again from there; {@code caught_up} moves it on.
   */
  public Optional<List<String>> since(Caller caller, Instant since) {
    tenancy.enter(caller.organizationId());
    Instant from = since.minus(MARGIN);
    List<Message> messages = em.createQuery("SELECT m FROM Message m WHERE m.updatedAt >= :from ORDER BY m.updatedAt, m.id", Message.class)
        .setParameter("from", from).setMaxResults(MAX_ITEMS + 1).getResultList();
    List<Conversation> conversations = em.createQuery(
            "SELECT c FROM Conversation c WHERE c.updatedAt >= :from ORDER BY c.updatedAt, c.id", Conversation.class)
        .setParameter("from", from).setMaxResults(MAX_ITEMS + 1).getResultList();
    if (messages.size() + conversations.size() > MAX_ITEMS) {
      return Optional.empty();
    }
    Map<UUID, ConversationView> views = new HashMap<>();
    List<Item> items = new ArrayList<>();
    for (ConversationView view : flow.views(conversations)) {
      views.put(view.id(), view);
      items.add(new Item(view.updatedAt(), 1, LiveUpdates.payload("conversation", new ConversationSnapshot(view))));
    }
    for (Message message : messages) {
      ConversationView conversation = views.computeIfAbsent(message.conversationId(),
          id -> flow.view(em.find(Conversation.class, id)));
      AgentMessage frame = new AgentMessage(MessageView.of(message, flow.authorOf(message)), conversation);
      items.add(new Item(message.updatedAt(), 0, LiveUpdates.payload("message", frame)));
    }
    // Oldest first; a message before its conversation's change of the same instant (adding it changed the conversation).
    items.sort(Comparator.comparing(Item::at).thenComparingInt(Item::rank));
    String cursor = LiveCursor.at(since);
    return Optional.of(items.stream().map(item -> LiveCursor.stamp(item.frame(), cursor)).toList());
  }

  private record Item(Instant at, int rank, String frame) {}
}
