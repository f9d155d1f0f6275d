package io.convot.member;

import io.convot.access.Role;
import io.convot.common.Emails;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A person in an organization: active once they have a password, invited until then. */
@Entity
@Table(name = "members")
public class Member extends TenantEntity {

  public enum Status { active, invited }

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  private String name;

  @Column(nullable = false)
  private String role;

  @Column(name = "revenue_access", nullable = false)
  private boolean revenueAccess;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "invitation_token_hash")
  private String invitationTokenHash;

  @Column(name = "invitation_expires_at")
  private Instant invitationExpiresAt;

  /** Tokens issued before this instant are no longer accepted (password change). */
  @Column(name = "tokens_valid_after", nullable = false)
  private Instant tokensValidAfter;

  /** The token ({@code jti}) that changed the password last: it outlives that change. */
  @Column(name = "kept_token_id")
  private String keptTokenId;

  /** {@code available} or {@code away}: whether the member takes chats while the dashboard is open. */
  @Column(nullable = false)
  private String availability = "available";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Member() {}

  private Member(String email, Role role, Status status) {
    this.id = UUID.randomUUID();
    this.email = Emails.normalize(email);
    this.role = role.wire();
    this.revenueAccess = role == Role.OWNER;
    this.status = status;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
    this.tokensValidAfter = createdAt.minusSeconds(1);
  }

  /** The person who signs the organization up. */
  public static Member owner(String email, String name, String passwordHash) {
    Member owner = new Member(email, Role.OWNER, Status.active);
    owner.name = name.trim();
    owner.passwordHash = passwordHash;
    return owner;
  }

  /** A pending member who becomes active by accepting the invitation with a password. */
  public static Member invited(String email, Role role, String invitationTokenHash, Instant expiresAt) {
    Member member = new Member(email, role, Status.invited);
    member.invitationTokenHash = invitationTokenHash;
    member.invitationExpiresAt = expiresAt;
    return member;
  }

  public void acceptInvitation(String name, String passwordHash) {
    this.name = name.trim();
    this.passwordHash = passwordHash;
    this.status = Status.active;
    this.invitationTokenHash = null;
    this.invitationExpiresAt = null;
    touch();
  }

  public void changeRole(Role newRole) {
    this.role = newRole.wire();
    if (newRole == Role.OWNER) {
      this.revenueAccess = true;
    }
    touch();
  }

  public void setRevenueAccess(boolean granted) {
    this.revenueAccess = granted || role() == Role.OWNER;
    touch();
  }

  /** Whether the token {@code tokenId}, issued at {@code issuedAt}, still speaks for this member. */
  public boolean acceptsToken(String tokenId, Instant issuedAt) {
    return status == Status.active && (!issuedAt.isBefore(tokensValidAfter()) || tokenId.equals(keptTokenId));
  }

  /**
   * Sets a new password and ends every token issued until now except {@code keptTokenId}, the one
   * that asked. Token times are whole seconds, so the cut is the next second: a token issued in the
   * same second as the change is ended too, and tokens issued from now on start at the cut.
   */
  public void changePassword(String newPasswordHash, String keptTokenId) {
    this.passwordHash = newPasswordHash;
    this.tokensValidAfter = Timestamps.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    this.keptTokenId = keptTokenId;
    touch();
  }

  /** The earliest issue time (whole seconds) a token of this member may have to be accepted. */
  public Instant tokensValidAfter() {
    return tokensValidAfter.truncatedTo(ChronoUnit.SECONDS);
  }

  public String passwordHash() {
    return passwordHash;
  }

  private void touch() {
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
  }

  public boolean revenueAccess() {
    return revenueAccess;
  }

  public Status status() {
    return status;
  }

  public boolean isOwner() {
    return role() == Role.OWNER;
  }

  public String availability() {
    return availability;
  }

  /** {@code available} or {@code away} (the caller checked it). */
  public void setAvailability(String availability) {
    this.availability = availability;
    this.updatedAt = Timestamps.now();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
