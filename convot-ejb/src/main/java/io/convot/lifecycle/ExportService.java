package io.convot.lifecycle;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.health.BrokerSends;
import io.convot.tenancy.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Exports of the caller's organization, for its owners: requesting one queues the job (in the
 * request's transaction, so only a committed export is built), reading one shows its progress, and a
 * ready one is downloaded a chunk at a time, each chunk its own short transaction.
 */
@Stateless
@TenantScoped
public class ExportService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject BrokerSends broker;

  @Resource(lookup = "jms/convotExports")
  Queue queue;

  public OrganizationExport request() {
    caller.get().requireOwner();
    OrganizationExport export = new OrganizationExport(caller.get().memberId());
    em.persist(export);
    broker.send(queue, new ExportMessage(caller.get().organizationId(), export.id()));
    return export;
  }

  public OrganizationExport get(UUID id) {
    caller.get().requireOwner();
    return Optional.ofNullable(em.find(OrganizationExport.class, id)).orElseThrow(() -> ConvotException.notFound("Export"));
  }

  /** A ready export, about to be downloaded; 409 {@code export_not_ready} before (or after) that. */
  public OrganizationExport ready(UUID id) {
    OrganizationExport export = get(id);
    if (!export.isReady()) {
      throw new ConvotException(ErrorCode.EXPORT_NOT_READY, "The export is " + export.status() + "; download it once it is ready");
    }
    return export;
  }

  /** Chunk {@code seq} of a ready export's file, or null past its end. */
  public byte[] chunk(UUID id, int seq) {
    caller.get().requireOwner();
    var rows = em.createNativeQuery("SELECT data FROM organization_export_chunks WHERE export_id = ?1 AND seq = ?2")
        .setParameter(1, id.toString()).setParameter(2, seq).getResultList();
    return rows.isEmpty() ? null : (byte[]) rows.get(0);
  }
}
