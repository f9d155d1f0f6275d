package io.convot.lifecycle;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.auth.IntegrationToken;
import io.convot.auth.PasswordHasher;
import io.convot.auth.SignInThrottle;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import io.convot.common.Validation;
import io.convot.member.Member;
import io.convot.organization.Organization;
import io.convot.ratelimit.ClientAddress;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cancelling and reactivating the caller's organization (owners only). Cancelling asks for the
 * owner's password again, throttled as a password change is, and tells every active owner by mail.
 */
@Stateless
@TenantScoped
public class OrganizationLifecycle {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject PasswordHasher passwords;
  @Inject SignInThrottle throttle;
  @Inject Event<OrganizationCancelled> cancelled;
  @Inject LiveUpdates live;

  @Inject
  @ConfigProperty(name = "convot.organizations.cancellation-grace-period", defaultValue = "P30D")
  Duration gracePeriod;

  public OrganizationStatus status() {
    return OrganizationStatus.of(organization(false));
  }

  public OrganizationStatus cancel(String password, ClientAddress client) {
    Member owner = signedInOwner();
    new Validation().require(password != null && !password.isEmpty(), "password", "required", "password is required")
        .throwIfInvalid();
    throttle.checkPasswordChangeAllowed(owner.id(), client);
    if (!passwords.matches(password, owner.passwordHash())) {
      throttle.passwordChangeFailed(owner.id(), client);
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The password is not right",
          List.of(new FieldError("password", "incorrect", "password is not the owner's password")));
    }
    throttle.passwordChangeSucceeded(owner.id());
    Organization organization = organization(true);
    if (!organization.isCancelled()) {
      organization.cancel(Timestamps.now(), gracePeriod);
      cancelled.fire(new OrganizationCancelled(organization.id(), organization.cancelledAt(), organization.purgeAfter()));
      // Open widgets are closed now; reconnecting, they are refused like any widget request.
      em.createQuery("SELECT a.id FROM App a", UUID.class).getResultList()
          .forEach(app -> live.revoke(organization.id(), Revocation.ofApp(app)));
    }
    return OrganizationStatus.of(organization);
  }

  /** Undoes a cancellation; reactivating an active organization changes nothing. */
  public OrganizationStatus reactivate() {
    caller.get().requireOwner();
    Organization organization = organization(true);
    if (organization.isCancelled() && !organization.purgeAfter().isAfter(Timestamps.now())) {
      throw new ConvotException(ErrorCode.CONFLICT, "The grace period is over and the organization's data is being deleted");
    }
    organization.reactivate();
    return OrganizationStatus.of(organization);
  }

  /** The owner behind a sign-in token: an API key or an integration token cannot end the account. */
  private Member signedInOwner() {
    Caller current = caller.get();
    current.requireOwner();
    if (!current.isMember() || em.find(IntegrationToken.class, UUID.fromString(current.credentialId())) != null) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "Cancel the organization signed in with your own sign-in token");
    }
    return em.find(Member.class, current.memberId());
  }

  // The row is locked when it changes, so a cancellation and a deletion run never cross.
  private Organization organization(boolean forChange) {
    UUID id = caller.get().organizationId();
    return forChange ? em.find(Organization.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Organization.class, id);
  }
}
