package io.convot.auth;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.member.Member;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Integration tokens of the caller's organization. Owners and admins issue them, signed in with
 * their own sign-in token: an integration token acts as the member who issued it, with that
 * member's role at the time of each request, and ends like their sign-in tokens do (the member's
 * removal, which also deletes its rows) or when revoked here.
 */
@Stateless
@TenantScoped
public class IntegrationTokenService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject TokenIssuer issuer;
  @Inject LiveUpdates live;

  public IntegrationToken.Issued issue(String name, Long expiresInSeconds) {
    Caller current = caller.get();
    current.requireManager();
    requireSignedInMember(current);
    new Validation().text(name, "name", IntegrationToken.MAX_NAME).throwIfInvalid();
    var lifetime = IntegrationToken.lifetime(expiresInSeconds, issuer.maxLifetime());
    Member member = em.find(Member.class, current.memberId());
    UUID id = UUID.randomUUID();
    IssuedToken jwt = issuer.issue(member, current.organizationId(), id, lifetime);
    IntegrationToken token = new IntegrationToken(id, member.id(), name, jwt.expiresAt());
    em.persist(token);
    return new IntegrationToken.Issued(token, jwt.token());
  }

  public Page<IntegrationToken> list(PageRequest page) {
    caller.get().requireManager();
    return Keyset.page(em, IntegrationToken.class, page, IntegrationToken::createdAt, IntegrationToken::id);
  }

  public IntegrationToken get(UUID id) {
    caller.get().requireManager();
    return find(id);
  }

  /**
   * Ends the token at once through the same revocation list sign-out uses, and forgets it; the live
   * connections it opened close on every server.
   */
  public void revoke(UUID id) {
    caller.get().requireManager();
    IntegrationToken token = find(id);
    if (em.find(RevokedToken.class, id.toString()) == null) {
      em.persist(new RevokedToken(id.toString(), token.expiresAt()));
    }
    em.remove(token);
    live.revoke(caller.get().organizationId(), Revocation.ofCredential(id.toString()));
  }

  private IntegrationToken find(UUID id) {
    return Optional.ofNullable(em.find(IntegrationToken.class, id)).orElseThrow(() -> ConvotException.notFound("Token"));
  }

  /**
   * An API key has no member to act as, and an integration token may not mint tokens that outlive
   * it: only a sign-in token issues them.
   */
  private void requireSignedInMember(Caller current) {
    if (!current.isMember() || em.find(IntegrationToken.class, UUID.fromString(current.credentialId())) != null) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "Integration tokens are issued by a member signed in with their own sign-in token");
    }
  }
}
