package io.convot.helpcenter;

import io.convot.access.CurrentCaller;
import io.convot.app.AppService;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The custom domain of an app's help center: set (a new hostname is {@code pending}), verified
 * through DNS on demand, removed. A hostname serves one help center: one another app verified is a
 * conflict. Every member reads it; owners and admins change it.
 */
@Stateless
@TenantScoped
public class DomainService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject AppService apps;
  @Inject DnsCheck dns;
  @Inject HelpHosts hosts;

  @Inject
  @ConfigProperty(name = "convot.help-center.host", defaultValue = "help.convot.io")
  String helpCenterHost;

  public DomainView get(UUID appId) {
    apps.get(appId);
    return DomainView.of(find(appId), helpCenterHost());
  }

  public DomainView set(UUID appId, String hostname) {
    caller.get().requireManager();
    apps.get(appId);
    String normalized = Hostnames.normalize(hostname);
    if (normalized == null || normalized.equals(helpCenterHost())) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", List.of(new FieldError("hostname",
          "invalid_hostname", "hostname must be a domain name of yours, such as help.example.com (not an address, not "
              + helpCenterHost() + ")")));
    }
    ensureNotTaken(normalized, appId);
    HelpDomain domain = em.find(HelpDomain.class, appId);
    String next = "Create a CNAME record named " + normalized + " with the value " + helpCenterHost()
        + " at your DNS provider, then verify the domain setup.";
    if (domain == null) {
      domain = new HelpDomain(appId, normalized, next);
      em.persist(domain);
    } else if (!domain.hostname().equals(normalized)) {
      hosts.forget(domain.hostname());
      domain.point(normalized, next);
    }
    hosts.forget(normalized);
    return DomainView.of(domain, helpCenterHost());
  }

  /** Looks the record up now and records what DNS says; a DNS that does not answer changes no status. */
  public DomainView verify(UUID appId) {
    caller.get().requireManager();
    apps.get(appId);
    HelpDomain domain = find(appId);
    ensureNotTaken(domain.hostname(), appId);
    check(domain);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw taken(domain.hostname());
    }
    hosts.forget(domain.hostname());
    return DomainView.of(domain, helpCenterHost());
  }

  public void remove(UUID appId) {
    caller.get().requireManager();
    apps.get(appId);
    HelpDomain domain = find(appId);
    em.remove(domain);
    hosts.forget(domain.hostname());
  }

  private void check(HelpDomain domain) {
    try {
      domain.record(dns.check(domain.hostname(), helpCenterHost()));
    } catch (DnsCheck.Unanswered e) {
      domain.unanswered("Convot got no answer from DNS for " + domain.hostname() + " (" + e.getMessage() + "). Nothing was"
          + " changed: verify again in a few minutes.");
    }
  }

  private HelpDomain find(UUID appId) {
    return Optional.ofNullable(em.find(HelpDomain.class, appId))
        .orElseThrow(() -> ConvotException.notFound("Custom domain"));
  }

  private void ensureNotTaken(String hostname, UUID appId) {
    Object taken = em.createNativeQuery("SELECT convot_help_domain_taken(?1, CAST(?2 AS uuid))").setParameter(1, hostname)
        .setParameter(2, appId.toString()).getSingleResult();
    if (Boolean.TRUE.equals(taken)) {
      throw taken(hostname);
    }
  }

  private static ConvotException taken(String hostname) {
    return new ConvotException(ErrorCode.HOSTNAME_TAKEN, hostname + " already serves another help center",
        List.of(new FieldError("hostname", "taken", hostname + " is already verified for another help center")));
  }

  private String helpCenterHost() {
    return Hostnames.host(helpCenterHost);
  }
}
