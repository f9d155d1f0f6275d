package io.convot.notification;

import io.convot.lifecycle.OrganizationCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells every active owner that the organization was cancelled: when its data will be deleted and
 * how to undo it. One mail each, queued in the cancelling transaction (so a refused cancellation
 * sends nothing).
 */
@ApplicationScoped
public class OrganizationCancelledNotices {

  private static final Logger LOG = Logger.getLogger(OrganizationCancelledNotices.class.getName());

  @Inject Owners owners;
  @Inject MailQueue mail;

  void notifyOwners(@Observes OrganizationCancelled cancelled) {
    List<Owners.Recipient> recipients = owners.ofCurrentOrganization();
    String organization = owners.organizationName();
    recipients.forEach(owner -> mail.send(OrganizationCancelledMail.compose(cancelled, organization, owner)));
    LOG.info(() -> "Organization " + cancelled.organizationId() + " cancelled; deletion due at " + cancelled.purgeAfter() + "; "
        + recipients.size() + " owner(s) notified");
  }
}
