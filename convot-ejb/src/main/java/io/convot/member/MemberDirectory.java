package io.convot.member;

import io.convot.common.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lookups that must cross organizations before one is known (sign-in, invitations, email
 * uniqueness). Each goes through a narrow SECURITY DEFINER function, never a tenant table directly.
 */
@ApplicationScoped
public class MemberDirectory {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  public record LoginCandidate(UUID memberId, UUID organizationId, String passwordHash) {}

  public record TenantRef(UUID id, UUID organizationId) {}

  public boolean emailRegistered(String email) {
    Object result = em.createNativeQuery("SELECT convot_email_registered(?1)").setParameter(1, email.trim()).getSingleResult();
    return Boolean.TRUE.equals(result);
  }

  public Optional<LoginCandidate> loginCandidate(String email) {
    List<?> rows = em.createNativeQuery("SELECT member_id, organization_id, password_hash FROM convot_login_candidate(?1)")
        .setParameter(1, email.trim())
        .getResultList();
    return rows.stream().findFirst().map(row -> {
      Object[] columns = (Object[]) row;
      return new LoginCandidate(Ids.uuid(columns[0]), Ids.uuid(columns[1]), (String) columns[2]);
    });
  }

  public Optional<TenantRef> invitation(String tokenHash) {
    return tenantRef("SELECT member_id, organization_id FROM convot_invitation(?1)", tokenHash);
  }

  public Optional<TenantRef> apiKey(String keyHash) {
    return tenantRef("SELECT api_key_id, organization_id FROM convot_api_key_owner(?1)", keyHash);
  }

  private Optional<TenantRef> tenantRef(String sql, String hash) {
    List<?> rows = em.createNativeQuery(sql).setParameter(1, hash).getResultList();
    return rows.stream().findFirst().map(row -> {
      Object[] columns = (Object[]) row;
      return new TenantRef(Ids.uuid(columns[0]), Ids.uuid(columns[1]));
    });
  }

}
