package io.convot.notification;

import io.convot.member.Member;
import io.convot.organization.Organization;
import io.convot.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Who hears about the organization's own affairs: its active owners (not invited ones, admins or agents). */
@ApplicationScoped
public class Owners {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;

  /** One owner as a mail recipient. */
  public record Recipient(String email, String name) {}

  /** The active owners of the organization this transaction entered. */
  public List<Recipient> ofCurrentOrganization() {
    return em.createQuery("SELECT m FROM Member m WHERE m.role = 'owner' AND m.status = :active ORDER BY m.createdAt", Member.class)
        .setParameter("active", Member.Status.active)
        .getResultList().stream()
        .map(member -> new Recipient(member.email(), member.name()))
        .toList();
  }

  /** The name of the organization this transaction entered. */
  public String organizationName() {
    UUID id = tenancy.current();
    Organization organization = em.find(Organization.class, id);
    return organization == null ? "your organization" : organization.name();
  }
}
