package io.convot.imports;

import io.convot.common.Timestamps;
import io.convot.crypto.SecretBox;
import io.convot.health.SendAlone;
import io.convot.metrics.OperationalMetrics;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One step of an import, in the transaction that delivered its message: it locks the import's row
 * (so two servers, or two copies of a message, never run one import at once), reads one page from
 * Crisp, stores it and queues the next step, all committed together. A server killed in the middle
 * commits nothing: the broker delivers the step again and it runs from the start of its page.
 */
@Stateless
public class ImportSteps {

  private static final Logger LOG = Logger.getLogger(ImportSteps.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject SecretBox secrets;
  @Inject CrispReader reader;
  @Inject ImportWriter writer;
  @Inject ImportQueue queue;
  @Inject SendAlone alone;
  @Inject ImportSettings settings;
  @Inject OperationalMetrics metrics;

  public void run(ImportQueue.StepMessage step) {
    Import imported = runStep(step);
    if (imported != null) {
      countIfEnded(imported);
    }
  }

  /** An import that ends in this step (only an awaited step runs, so an ended one ended here) is counted by outcome. */
  private void countIfEnded(Import imported) {
    if (!imported.status().isActive()) {
      metrics.importRun(imported.status() == Import.Status.completed ? "succeeded" : "failed");
    }
  }

  private Import runStep(ImportQueue.StepMessage step) {
    tenancy.enter(step.organizationId());
    Import imported = em.find(Import.class, step.importId(), LockModeType.PESSIMISTIC_WRITE);
    if (imported != null && imported.awaits(step.step() + 1)) {
      queueAgain(step.organizationId(), imported);
    }
    if (imported == null || !imported.awaits(step.step())) {
      return null;
    }
    CrispCredentials credentials;
    try {
      credentials = CrispCredentials.of(secrets.open(imported.credentialsSealed(),
          CrispCredentials.context(step.organizationId(), imported.id())));
    } catch (SecretBox.SecretUnreadable | NullPointerException e) {
      imported.fail("The stored Crisp credentials cannot be opened with the configured encryption keys: start the import again");
      return imported;
    }
    imported.running();
    CrispCall call = new CrispCall(imported.websiteId(), credentials);
    try {
      int next = imported.phase() == Import.Phase.people ? people(imported, call) : conversations(imported, call);
      if (imported.status() == Import.Status.running) {
        queue.queue(step.organizationId(), imported.id(), next, Duration.ZERO);
      }
    } catch (CrispFailure.RateLimited e) {
      Duration wait = imported.rateLimited(e.retryAfter(), settings.rateLimitPause(), settings.longestPause());
      LOG.info(() -> "Import " + imported.id() + " paused for " + wait + ": " + e.getMessage());
      queue.queue(step.organizationId(), imported.id(), imported.nextStep(), wait);
    } catch (CrispFailure.Transient e) {
      if (imported.failed(call.failedInARow(), settings.maxFailures(), "retries exhausted: " + e.getMessage())) {
        queue.queue(step.organizationId(), imported.id(), imported.nextStep(), settings.retryDelay());
      }
    } catch (CrispFailure.Rejected e) {
      imported.fail(e.getMessage());
    }
    return imported;
  }

  /**
   * A step whose next step is awaited came again: its transaction committed in the database, and
   * the server stopped before the broker committed its part (the database is the last participant),
   * so the broker gave this message back and may have discarded the next one. That one is sent again
   * under its own id (the broker drops it if it has it), at the time the import resumes.
   */
  private void queueAgain(UUID organizationId, Import imported) {
    LOG.info(() -> "Import " + imported.id() + ": step " + (imported.step() - 1) + " came again after it was stored;"
        + " step " + imported.step() + " is sent again (the broker drops it if it has it)");
    if (!alone.send(() -> queue.queue(organizationId, imported.id(), imported.step(), Timestamps.delayUntil(imported.resumesAt())))) {
      throw new IllegalStateException("The message broker is unreachable: step " + imported.step() + " of import "
          + imported.id() + " is sent again on the next delivery");
    }
  }

  /** Ends an import whose step cannot be stored (its messages would otherwise go round until the dead-letter queue). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void giveUp(ImportQueue.StepMessage step, String reason) {
    tenancy.enter(step.organizationId());
    Import imported = em.find(Import.class, step.importId(), LockModeType.PESSIMISTIC_WRITE);
    if (imported != null && imported.awaits(step.step())) {
      imported.fail(reason);
      countIfEnded(imported);
    }
  }

  private int people(Import imported, CrispCall call) {
    List<CrispPerson> people = reader.people(call, imported.nextPage());
    int created = writer.people(imported.appId(), people);
    return imported.pageStored(created, 0, 0, people.isEmpty());
  }

  /** A page of conversations; the page after it is read while this one is stored. */
  private int conversations(Import imported, CrispCall call) {
    CrispReader.ConversationPage page = reader.conversationPage(imported.id(), call, imported.nextPage());
    if (!page.conversations().isEmpty()) {
      reader.readAhead(imported.id(), call, imported.nextPage() + 1);
    }
    ImportWriter.Stored stored = writer.conversations(imported.appId(), page.conversations(), page.messages());
    return imported.pageStored(stored.contacts(), stored.conversations(), stored.messages(), page.conversations().isEmpty());
  }
}
