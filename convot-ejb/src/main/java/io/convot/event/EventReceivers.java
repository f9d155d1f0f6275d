package io.convot.event;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * What a transaction learnt of its organization's receivers of events with its first query: whether
 * the organization has a webhook endpoint, an active notification channel. The visitor's message
 * reads both with its session, so the webhook relay and the channels' fan-out skip a query each that
 * would find none. Not learnt in this transaction (or of another organization), they look as before.
 */
@ApplicationScoped
public class EventReceivers {

  private static final String KEY = EventReceivers.class.getName();

  private record Known(UUID organizationId, boolean webhookEndpoints, boolean notificationChannels) {}

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transaction;

  /** What the caller read, in this transaction, of the organization's endpoints and channels. */
  public void learnt(UUID organizationId, boolean webhookEndpoints, boolean notificationChannels) {
    transaction.putResource(KEY, new Known(organizationId, webhookEndpoints, notificationChannels));
  }

  /** True when this transaction read that the organization has no webhook endpoint at all. */
  public boolean noWebhookEndpoints(UUID organizationId) {
    Known known = known(organizationId);
    return known != null && !known.webhookEndpoints();
  }

  /** True when this transaction read that the organization has no active notification channel. */
  public boolean noNotificationChannels(UUID organizationId) {
    Known known = known(organizationId);
    return known != null && !known.notificationChannels();
  }

  private Known known(UUID organizationId) {
    return transaction.getTransactionKey() != null && transaction.getResource(KEY) instanceof Known known
        && known.organizationId().equals(organizationId) ? known : null;
  }
}
