package io.convot.shopify;

import io.convot.app.App;
import io.convot.crypto.SecretBox;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions around a sync run: scheduling it, claiming it (once, by one server, under a
 * lease), and ending it, either storing what it read or counting its failure. Every step locks
 * the integration's row, so that steps of two servers or two copies of a message never interleave.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyncRuns {

  static final Duration LEASE = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject SecretBox secrets;
  @Inject SyncQueue queue;
  @Inject RevenueFold fold;

  @Inject SyncInterval interval;

  /** Queues the organization's next run if it is still due (another server may have been first). */
  public void scheduleIfDue(UUID organizationId) {
    locked(organizationId).filter(integration -> integration.isDue(io.convot.common.Timestamps.now()))
        .ifPresent(integration -> queue.queue(organizationId, integration.scheduleRun(interval.get())));
  }

  /** Takes a queued run, or answers nothing for a run already taken, superseded or disconnected. */
  public Optional<RunOrders> claim(UUID organizationId, UUID runId) {
    Optional<ShopifyIntegration> found = locked(organizationId);
    if (found.isEmpty() || !found.get().claim(runId, LEASE)) {
      return Optional.empty();
    }
    ShopifyIntegration integration = found.get();
    String context = ShopifyTokens.context(organizationId);
    String token;
    try {
      token = secrets.open(integration.accessTokenSealed(), context);
    } catch (SecretBox.SecretUnreadable e) {
      integration.failed(runId, 0, "The stored token cannot be opened with the configured encryption keys: connect again");
      return Optional.empty();
    }
    if (secrets.sealedWithOldKey(integration.accessTokenSealed())) {
      integration.resealed(secrets.seal(token, context));
    }
    List<RunOrders.AppToRead> apps = new ArrayList<>();
    for (App app : ShopifyAppIds.syncedApps(em)) {
      String gid = ShopifyAppIds.gid(app.shopifyAppId());
      SyncMark mark = em.find(SyncMark.class, app.id());
      apps.add(new RunOrders.AppToRead(app.id(), gid, mark == null ? null : mark.eventsSince(gid),
          mark == null ? null : mark.transactionsSince(gid)));
    }
    return Optional.of(new RunOrders(integration.partnerOrganizationId(), token, apps));
  }

  public void extendLease(UUID organizationId, UUID runId) {
    locked(organizationId).filter(integration -> integration.isRunning(runId))
        .ifPresent(integration -> integration.extendLease(LEASE));
  }

  /** Stores what the run read and counts a success, unless the run is no longer this one's. */
  public void succeeded(UUID organizationId, UUID runId, List<AppHarvest> harvests, int calls) {
    Optional<ShopifyIntegration> integration = locked(organizationId).filter(found -> found.isRunning(runId));
    if (integration.isEmpty()) {
      return;
    }
    for (AppHarvest harvest : harvests) {
      fold.store(harvest);
    }
    integration.get().succeeded(runId, calls);
    integration.get().waitingRun().ifPresent(waiting -> queue.queue(organizationId, waiting));
  }

  /** Counts one failed run, once: a run already ended (a redelivered message) counts nothing. */
  public void failed(UUID organizationId, UUID runId, int calls, String error) {
    locked(organizationId).filter(found -> found.isRunning(runId)).ifPresent(integration -> {
      integration.failed(runId, calls, error);
      integration.waitingRun().ifPresent(waiting -> queue.queue(organizationId, waiting));
    });
  }

  private Optional<ShopifyIntegration> locked(UUID organizationId) {
    tenancy.enter(organizationId);
    List<ShopifyIntegration> found = em.createQuery("SELECT i FROM ShopifyIntegration i", ShopifyIntegration.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    return found.stream().findFirst();
  }
}
