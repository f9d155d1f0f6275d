package io.convot.imports;

import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.crypto.SecretBox;
import io.convot.member.Member;
import io.convot.tenancy.Tenancy;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.UUID;

/** The organization's imports: starting one (once Crisp accepted the token), listing, reading and cancelling them. */
@Stateless
@TenantScoped
public class ImportService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject Tenancy tenancy;
  @Inject SecretBox secrets;
  @Inject ImportQueue queue;
  @Inject io.convot.metrics.OperationalMetrics metrics;

  /** What may be checked before Crisp is asked: the app is the organization's, and no import of the website runs into it. */
  public void checkStartable(ImportRequest request) {
    caller.get().requireManager();
    request.check();
    Validation validation = new Validation();
    validation.require(em.find(App.class, request.appId()) != null, "app_id", "unknown_app", "no app of this organization has this id");
    validation.throwIfInvalid();
    refuseIfRunning(request);
  }

  /** Stores the import with its credentials sealed, and queues its first step. Only {@link ImportStarts} calls this. */
  public ImportView storeAccepted(ImportRequest request) {
    UUID organizationId = tenancy.current();
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "import:" + request.appId() + ":" + request.websiteId())
        .getSingleResult();
    refuseIfRunning(request);
    Member member = caller.get().memberId() == null ? null : em.find(Member.class, caller.get().memberId());
    Import imported = new Import(UUID.randomUUID(), request.appId(), request.websiteId(), member == null ? null : member.id());
    imported.sealedCredentials(secrets.seal(request.credentials().text(), CrispCredentials.context(organizationId, imported.id())));
    em.persist(imported);
    queue.queue(organizationId, imported.id(), imported.step(), Duration.ZERO);
    return ImportView.of(imported);
  }

  public Page<ImportView> list(UUID appId, PageRequest page) {
    caller.get().requireManager();
    Keyset.Filter where = new Keyset.Filter().where("e.appId = :app", "app", appId);
    return Keyset.page(em, Import.class, where, page, Keyset.Order.newestFirst("createdAt"), Import::createdAt, Import::id)
        .map(ImportView::of);
  }

  public ImportView get(UUID id) {
    caller.get().requireManager();
    return ImportView.of(existing(id, false));
  }

  /** Stops an import that has not ended: it ends as failed ("Cancelled"), its credentials deleted; what it stored stays. */
  public ImportView cancel(UUID id) {
    caller.get().requireManager();
    Import imported = existing(id, true);
    if (!imported.status().isActive()) {
      throw new ConvotException(ErrorCode.CONFLICT, "The import has ended already (" + imported.status() + ")");
    }
    Member member = caller.get().memberId() == null ? null : em.find(Member.class, caller.get().memberId());
    imported.fail(member == null ? "Cancelled" : "Cancelled by " + member.name());
    metrics.importRun("cancelled");
    return ImportView.of(imported);
  }

  private void refuseIfRunning(ImportRequest request) {
    boolean running = !em.createQuery("SELECT i.id FROM Import i WHERE i.appId = :app AND i.websiteId = :website"
            + " AND i.status IN ('queued', 'running', 'paused')")
        .setParameter("app", request.appId()).setParameter("website", request.websiteId()).setMaxResults(1).getResultList().isEmpty();
    if (running) {
      throw new ConvotException(ErrorCode.CONFLICT, "An import of this Crisp website into this app is not finished yet:"
          + " wait for it to end, or cancel it");
    }
  }

  private Import existing(UUID id, boolean locked) {
    Import imported = locked ? em.find(Import.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Import.class, id);
    if (imported == null) {
      throw ConvotException.notFound("Import");
    }
    return imported;
  }
}
