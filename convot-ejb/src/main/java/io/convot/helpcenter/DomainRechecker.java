package io.convot.helpcenter;

import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily check of one verified domain, in its own transaction: a record gone or changed turns
 * the domain to {@code error} with the reason (the help center stops being served there); no
 * answer from DNS leaves it verified, to be checked again at the next round.
 */
@Stateless
public class DomainRechecker {

  private static final Logger LOG = Logger.getLogger(DomainRechecker.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject DnsCheck dns;
  @Inject HelpHosts hosts;

  @Inject
  @ConfigProperty(name = "convot.help-center.host", defaultValue = "help.convot.io")
  String helpCenterHost;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recheck(UUID organizationId, UUID appId) {
    tenancy.enter(organizationId);
    HelpDomain domain = em.find(HelpDomain.class, appId);
    if (domain == null || !domain.isVerified()) {
      return;
    }
    try {
      DnsCheck.Outcome outcome = dns.check(domain.hostname(), Hostnames.host(helpCenterHost));
      if (outcome.status() != HelpDomain.Status.VERIFIED) {
        outcome = new DnsCheck.Outcome(HelpDomain.Status.ERROR, "The daily check no longer finds the record, so the help"
            + " center is not served on " + domain.hostname() + " any more. " + outcome.explanation());
        LOG.info(() -> "Help-center domain " + domain.hostname() + " is no longer verified");
      }
      domain.record(outcome);
      hosts.forget(domain.hostname());
    } catch (DnsCheck.Unanswered e) {
      domain.unanswered(domain.explanation());
      LOG.warning(() -> "Help-center domain " + domain.hostname() + " not rechecked (DNS did not answer): " + e.getMessage());
    }
  }
}
