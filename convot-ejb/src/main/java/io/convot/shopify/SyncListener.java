package io.convot.shopify;

import io.convot.metrics.OperationalMetrics;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one sync run per message. Reading the Partner API happens outside any transaction (a slow
 * API holds no database connection); claiming the run and ending it are short transactions of
 * their own. A run that fails after Fault Tolerance's retries counts one failure.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(SyncListener.class.getName());
  private static final int PAGES_PER_LEASE_EXTENSION = 25;

  @Inject SyncRuns runs;
  @Inject PartnerReader reader;
  @Inject OperationalMetrics metrics;

  @Override
  public void onMessage(Message message) {
    SyncQueue.RunMessage run;
    try {
      run = SyncQueue.read(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable sync message", e);
    }
    Optional<RunOrders> orders = runs.claim(run.organizationId(), run.runId());
    if (orders.isEmpty()) {
      LOG.fine(() -> "Sync run " + run.runId() + " was already taken or superseded");
      return;
    }
    AtomicInteger pages = new AtomicInteger();
    PartnerCall call = new PartnerCall(orders.get().partnerOrganizationId(), orders.get().accessToken(), () -> {
      if (pages.incrementAndGet() % PAGES_PER_LEASE_EXTENSION == 0) {
        runs.extendLease(run.organizationId(), run.runId());
      }
    });
    try {
      List<AppHarvest> harvests = new ArrayList<>();
      for (RunOrders.AppToRead app : orders.get().apps()) {
        harvests.add(new AppHarvest(app.appId(), app.shopifyAppGid(),
            reader.events(call, app.shopifyAppGid(), app.eventsSince()),
            reader.transactions(call, app.shopifyAppGid(), app.transactionsSince())));
      }
      runs.succeeded(run.organizationId(), run.runId(), harvests, call.requests());
      metrics.syncRun("succeeded");
      LOG.fine(() -> "Sync run " + run.runId() + " succeeded after " + call.requests() + " Partner API requests");
    } catch (PartnerFailure e) {
      LOG.info(() -> "Sync run " + run.runId() + " of organization " + run.organizationId() + " failed: " + e.getMessage());
      runs.failed(run.organizationId(), run.runId(), call.requests(), e.getMessage());
      metrics.syncRun("failed");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sync run " + run.runId() + " of organization " + run.organizationId() + " failed", e);
      runs.failed(run.organizationId(), run.runId(), call.requests(), "Sync failed: " + e.getClass().getSimpleName());
      metrics.syncRun("failed");
    }
  }
}
