package io.convot.lifecycle;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Timestamps;
import io.convot.tenancy.Tenancy;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one check that keeps a cancelled organization read-only: the web layer asks it before every
 * change a member or integration requests. It reads the row itself (one primary-key read), never
 * a cache, so a cancellation on one server holds on every other at once.
 */
@Stateless
@TenantScoped
public class CancellationGuard {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;

  /** Refuses with 409 {@code organization_cancelled} while the caller's organization is cancelled. */
  public void refuseChangesWhenCancelled() {
    Instant purgeAfter = purgeAfter(tenancy.current());
    if (purgeAfter != null) {
      throw cancelled(purgeAfter);
    }
  }

  /** Refuses the widget of a cancelled organization, for an app already entered. */
  public static ConvotException cancelled(Instant purgeAfter) {
    return new ConvotException(ErrorCode.ORGANIZATION_CANCELLED, "The organization is cancelled and read-only; its data will be deleted at "
        + java.time.format.DateTimeFormatter.ISO_INSTANT.format(purgeAfter) + ". An owner can undo this with POST /api/v1/organization/reactivate.");
  }

  /** When the organization this transaction entered will be deleted; null while it is active. */
  Instant purgeAfter(UUID organizationId) {
    List<?> rows = em.createNativeQuery("SELECT purge_after FROM organizations WHERE id = ?1")
        .setParameter(1, organizationId.toString()).getResultList();
    Object value = rows.isEmpty() ? null : rows.get(0);
    return value == null ? null : Timestamps.of(value);
  }
}
