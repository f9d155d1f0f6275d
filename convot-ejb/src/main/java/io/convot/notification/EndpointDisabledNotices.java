package io.convot.notification;

import io.convot.webhook.EndpointDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells every active owner, once, that a webhook endpoint disabled itself: one mail each, queued in
 * the transaction that disables it.
 *
 * <p>Several attempts to one endpoint can fail at the same moment (a receiver that is gone answers
 * 410 to all of them), and each records its failure in its own transaction. Only the transaction
 * that finds the endpoint still active in the database, holding its row until it commits, sends the
 * notice; the others wait for that row, then see it disabled already.
 */
@ApplicationScoped
public class EndpointDisabledNotices {

  private static final Logger LOG = Logger.getLogger(EndpointDisabledNotices.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Owners owners;
  @Inject MailQueue mail;

  void notifyOwners(@Observes EndpointDisabled disabled) {
    if (!firstToDisable(disabled)) {
      return;
    }
    List<Owners.Recipient> recipients = owners.ofCurrentOrganization();
    String organization = owners.organizationName();
    recipients.forEach(owner -> mail.send(EndpointDisabledMail.compose(disabled, organization, owner)));
    LOG.info(() -> "Webhook endpoint " + disabled.endpointId() + " disabled; " + recipients.size() + " owner(s) of organization "
        + disabled.organizationId() + " notified");
  }

  /**
   * Whether the endpoint's row, as committed, is still active; locks it until this transaction ends.
   * The query must not flush this transaction's own change (the endpoint disabled) first.
   */
  private boolean firstToDisable(EndpointDisabled disabled) {
    List<?> active = em.createNativeQuery("SELECT active FROM webhook_endpoints WHERE id = ?1 FOR UPDATE")
        .setParameter(1, disabled.endpointId().toString())
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
    return !active.isEmpty() && Boolean.TRUE.equals(active.get(0));
  }
}
