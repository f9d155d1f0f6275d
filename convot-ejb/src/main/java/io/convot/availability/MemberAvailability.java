package io.convot.availability;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Validation;
import io.convot.member.Member;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A member sets themselves available or away; the organization's open widgets hear the outcome at once. */
@Stateless
@TenantScoped
public class MemberAvailability {

  public static final List<String> VALUES = List.of("available", "away");

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject Availability availability;

  public Member set(String value) {
    if (!caller.get().isMember()) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "Availability is a member's own: sign in as that member");
    }
    new Validation().require(value != null && VALUES.contains(value), "availability", "invalid_value",
        "availability is available or away").throwIfInvalid();
    Member member = em.find(Member.class, caller.get().memberId());
    if (member == null) {
      throw ConvotException.notFound("Member");
    }
    if (!value.equals(member.availability())) {
      member.setAvailability(value);
      em.flush();
      availability.announce(caller.get().organizationId());
    }
    return member;
  }
}
