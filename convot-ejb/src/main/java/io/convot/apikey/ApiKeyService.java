package io.convot.apikey;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** API keys of the caller's organization; only owners and admins see or manage them. */
@Stateless
@TenantScoped
public class ApiKeyService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject LiveUpdates live;

  public Page<ApiKey> list(PageRequest page) {
    caller.get().requireManager();
    return Keyset.page(em, ApiKey.class, page, ApiKey::createdAt, ApiKey::id);
  }

  public ApiKey.Created create(String name) {
    caller.get().requireManager();
    new Validation().text(name, "name", 100).throwIfInvalid();
    ApiKey.Created created = ApiKey.generate(name, caller.get().memberId());
    em.persist(created.apiKey());
    return created;
  }

  /**
   * Deleting the row revokes the key at once: the next request with it finds nothing, and the live
   * connections it opened close on every server.
   */
  public void revoke(UUID id) {
    caller.get().requireManager();
    ApiKey key = Optional.ofNullable(em.find(ApiKey.class, id)).orElseThrow(() -> ConvotException.notFound("API key"));
    em.remove(key);
    live.revoke(caller.get().organizationId(), Revocation.ofCredential(key.id().toString()));
  }
}
