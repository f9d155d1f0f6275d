package io.convot.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.eclipse.persistence.config.EntityManagerProperties;

/**
 * Binds the current transaction to one organization, twice over: EclipseLink's tenant filter in
 * the application, and the {@code convot.organization_id} setting that PostgreSQL's row-level
 * security policies read. The setting is transaction-local, so a pooled connection never carries
 * a tenant into the next transaction.
 */
@ApplicationScoped
public class Tenancy {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  /**
   * Enters {@code organizationId} for the rest of this transaction. Entering the organization the
   * transaction is already in (a service called by another) costs nothing: the setting lasts until
   * the transaction ends. Setting it writes nothing, so it does not flush pending changes.
   */
  public void enter(UUID organizationId) {
    String tenant = organizationId.toString();
    if (tenant.equals(em.getProperties().get(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT))) {
      return;
    }
    em.setProperty(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, tenant);
    em.createNativeQuery("SELECT set_config('convot.organization_id', ?1, true)")
        .setParameter(1, tenant)
        .setFlushMode(FlushModeType.COMMIT)
        .getSingleResult();
  }

  /** The organization this transaction entered. */
  public UUID current() {
    Object tenant = em.getProperties().get(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT);
    if (tenant == null) {
      throw new IllegalStateException("No organization entered in this transaction");
    }
    return UUID.fromString(tenant.toString());
  }
}
