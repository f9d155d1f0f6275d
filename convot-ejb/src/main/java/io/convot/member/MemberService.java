package io.convot.member;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.access.Role;
import io.convot.common.ConvotException;
import io.convot.common.Emails;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Randoms;
import io.convot.common.Timestamps;
import io.convot.common.Validation;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The team. Everyone sees it; owners and admins invite, change and remove members, but only an
 * owner touches an owner or grants {@code revenue_access}, and an organization always keeps one owner.
 */
@Stateless
@TenantScoped
public class MemberService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject MemberDirectory directory;
  @Inject LiveUpdates live;

  @Inject
  @ConfigProperty(name = "convot.members.invitation-lifetime", defaultValue = "P7D")
  String invitationLifetime;

  /** Unset: links open the dashboard's invitation page on Convot's public URL. */
  @Inject
  @ConfigProperty(name = "convot.members.invitation-base-url")
  Optional<String> invitationBaseUrl;

  @Inject
  @ConfigProperty(name = "convot.public-url")
  Optional<String> publicUrl;

  public Page<Member> list(PageRequest page) {
    return Keyset.page(em, Member.class, page, Member::createdAt, Member::id);
  }

  public Member get(UUID id) {
    return Optional.ofNullable(em.find(Member.class, id)).orElseThrow(() -> ConvotException.notFound("Member"));
  }

  /** {@code requestOrigin}: where the inviter reached Convot, the link's base when no public URL is configured. */
  public Invitation invite(String email, String roleName, String requestOrigin) {
    Caller me = caller.get();
    me.requireManager();
    Validation validation = new Validation().email(email, "email");
    Role role = roleName == null ? null : Role.parse(roleName, "role");
    validation.require(role != null, "role", "required", "role is required");
    validation.throwIfInvalid();
    if (role == Role.OWNER) {
      me.requireOwner();
    }
    if (directory.emailRegistered(email)) {
      throw new ConvotException(ErrorCode.EMAIL_TAKEN, "This email already belongs to a member",
          List.of(new FieldError("email", "taken", "already a member")));
    }
    String token = Randoms.token(32);
    Instant expiresAt = Timestamps.now().plus(Duration.parse(invitationLifetime));
    Member member = Member.invited(Emails.normalize(email), role, Randoms.sha256(token), expiresAt);
    em.persist(member);
    String base = publicUrl.filter(url -> !url.isBlank()).orElse(requestOrigin);
    return new Invitation(member, Invitation.link(invitationBaseUrl.orElse(null), base, token), expiresAt);
  }

  public Member update(UUID id, MemberChanges changes) {
    Caller me = caller.get();
    me.requireManager();
    Member member = get(id);
    if (member.isOwner() || changes.role().filter(r -> r == Role.OWNER).isPresent() || changes.revenueAccess().isPresent()) {
      me.requireOwner();
    }
    changes.role().ifPresent(role -> {
      if (member.isOwner() && role != Role.OWNER) {
        requireAnotherOwner(member);
      }
      member.changeRole(role);
    });
    changes.revenueAccess().ifPresent(member::setRevenueAccess);
    return member;
  }

  /**
   * Removal ends the member's sessions at once: their tokens name a member that no longer exists,
   * and their live connections close on every server.
   */
  public void remove(UUID id) {
    Caller me = caller.get();
    me.requireManager();
    Member member = get(id);
    if (member.isOwner()) {
      me.requireOwner();
      requireAnotherOwner(member);
    }
    em.remove(member);
    live.revoke(me.organizationId(), Revocation.ofMember(member.id()));
  }

  private void requireAnotherOwner(Member owner) {
    long owners = em.createQuery("SELECT COUNT(m) FROM Member m WHERE m.role = 'owner' AND m.status = :active", Long.class)
        .setParameter("active", Member.Status.active)
        .getSingleResult();
    if (owners <= 1 && owner.status() == Member.Status.active) {
      throw new ConvotException(ErrorCode.LAST_OWNER, "Make another member an owner first");
    }
  }
}
