package io.convot.auth;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.access.Role;
import io.convot.apikey.ApiKey;
import io.convot.common.ConvotException;
import io.convot.common.Emails;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Randoms;
import io.convot.common.Validation;
import io.convot.member.Member;
import io.convot.member.MemberDirectory;
import io.convot.organization.Organization;
import io.convot.ratelimit.ClientAddress;
import io.convot.realtime.LiveUpdates;
import io.convot.realtime.Revocation;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up, sign-in, sign-out and the authentication of every request. This is the one service that
 * picks its tenant itself: before authentication there is no caller to take it from.
 */
@Stateless
public class AuthService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject MemberDirectory directory;
  @Inject PasswordHasher passwords;
  @Inject TokenIssuer tokens;
  @Inject CurrentCaller currentCaller;
  @Inject JwtVerifier jwtVerifier;
  @Inject LiveUpdates live;
  @Inject SignInThrottle signIns;

  /** Signing up with a registered email probes for accounts as sign-in does, and counts as its failure. */
  public Session signUp(SignUp request, ClientAddress client) {
    Validation validation = new Validation()
        .text(request.organizationName(), "organization_name", 100)
        .text(request.name(), "name", 100)
        .email(request.email(), "email");
    Passwords.check(request.password(), validation);
    validation.throwIfInvalid();
    String email = Emails.normalize(request.email());
    signIns.checkAllowed(email, client);
    if (directory.emailRegistered(email)) {
      signIns.failed(email, client);
      throw new ConvotException(ErrorCode.EMAIL_TAKEN, "An account with this email exists; sign in instead",
          List.of(new FieldError("email", "taken", "already registered")));
    }
    Organization organization = new Organization(request.organizationName());
    tenancy.enter(organization.id());
    Member owner = Member.owner(email, request.name(), passwords.hash(request.password()));
    em.persist(organization);
    em.flush(); // members reference it, and no mapping tells EclipseLink to insert it first
    em.persist(owner);
    return new Session(organization, owner, tokens.issue(owner, organization.id()));
  }

  /**
   * An unknown email and a wrong password take the same steps (a dummy hash is checked), so
   * neither the answer nor its timing tells them apart.
   */
  public Session logIn(String email, String password, ClientAddress client) {
    signIns.checkAllowed(email, client);
    if (email == null || password == null) {
      signIns.failed(email, client);
      throw new ConvotException(ErrorCode.INVALID_CREDENTIALS, "Wrong email or password");
    }
    Optional<MemberDirectory.LoginCandidate> candidate = directory.loginCandidate(Emails.normalize(email));
    boolean matches = passwords.matches(password, candidate.map(MemberDirectory.LoginCandidate::passwordHash).orElse(null));
    if (candidate.isEmpty() || !matches) {
      signIns.failed(email, client);
      throw new ConvotException(ErrorCode.INVALID_CREDENTIALS, "Wrong email or password");
    }
    signIns.succeeded(email, client);
    tenancy.enter(candidate.get().organizationId());
    Member member = em.find(Member.class, candidate.get().memberId());
    Organization organization = em.find(Organization.class, candidate.get().organizationId());
    return new Session(organization, member, tokens.issue(member, organization.id()));
  }

  /** Ends the presented JWT at once; an API key is revoked with {@code DELETE /api-keys/{id}} instead. */
  public void logOut() {
    Caller caller = currentCaller.get();
    if (caller.credential() != Caller.Credential.JWT) {
      throw new ConvotException(ErrorCode.NOT_A_SESSION_TOKEN, "API keys are revoked with DELETE /api/v1/api-keys/{id}");
    }
    if (em.find(RevokedToken.class, caller.credentialId()) == null) {
      em.persist(new RevokedToken(caller.credentialId(), caller.credentialExpiresAt()));
    }
    live.revoke(caller.organizationId(), Revocation.ofCredential(caller.credentialId()));
  }

  public Identity me() {
    Caller caller = currentCaller.get();
    tenancy.enter(caller.organizationId());
    Organization organization = em.find(Organization.class, caller.organizationId());
    Member member = caller.memberId() == null ? null : em.find(Member.class, caller.memberId());
    return new Identity(organization, member, caller);
  }

  /** A verified JWT still speaks for its member unless signed out, or the member was removed or changed. */
  public Caller authenticate(VerifiedJwt jwt) {
    if (jwt.jti() == null || jwt.memberId() == null || jwt.organizationId() == null) {
      throw new ConvotException(ErrorCode.TOKEN_INVALID, "The token lacks Convot's claims");
    }
    if (em.find(RevokedToken.class, jwt.jti()) != null) {
      throw new ConvotException(ErrorCode.TOKEN_REVOKED, "This token was signed out");
    }
    tenancy.enter(jwt.organizationId());
    Member member = em.find(Member.class, jwt.memberId());
    if (member == null || !member.acceptsToken(jwt.jti(), jwt.issuedAt())) {
      throw new ConvotException(ErrorCode.TOKEN_REVOKED, "This token no longer grants access");
    }
    return new Caller(jwt.organizationId(), member.id(), member.role(), member.revenueAccess(),
        Caller.Credential.JWT, jwt.jti(), jwt.expiresAt(), jwt.issuedAt());
  }

  /** Authenticates a raw bearer token, JWT or API key, outside an HTTP request (a WebSocket). */
  public Caller authenticateBearer(String token) {
    if (token == null || token.isBlank()) {
      throw new ConvotException(ErrorCode.UNAUTHENTICATED, "Send a token");
    }
    return ApiKey.looksLikeKey(token) ? authenticate(token) : authenticate(jwtVerifier.verify(token));
  }

  /** An API key acts for its organization with an admin's rights, until it is revoked. */
  public Caller authenticate(String apiKey) {
    String hash = ApiKey.hash(apiKey);
    MemberDirectory.TenantRef ref = directory.apiKey(hash)
        .orElseThrow(() -> new ConvotException(ErrorCode.TOKEN_INVALID, "Unknown or revoked API key"));
    tenancy.enter(ref.organizationId());
    ApiKey key = em.find(ApiKey.class, ref.id());
    if (key == null) {
      throw new ConvotException(ErrorCode.TOKEN_INVALID, "Unknown or revoked API key");
    }
    key.markUsed();
    return new Caller(ref.organizationId(), null, Role.ADMIN, false, Caller.Credential.API_KEY, key.id().toString(), null);
  }

  /** Accepting an invitation sets the password, activates the member and signs them in. */
  public Session acceptInvitation(String token, String name, String password) {
    Validation validation = new Validation().text(name, "name", 100);
    Passwords.check(password, validation);
    validation.throwIfInvalid();
    MemberDirectory.TenantRef ref = directory.invitation(Randoms.sha256(token == null ? "" : token))
        .orElseThrow(() -> new ConvotException(ErrorCode.NOT_FOUND, "This invitation does not exist, was used, or has expired"));
    tenancy.enter(ref.organizationId());
    Member member = em.find(Member.class, ref.id());
    member.acceptInvitation(name, passwords.hash(password));
    Organization organization = em.find(Organization.class, ref.organizationId());
    return new Session(organization, member, tokens.issue(member, organization.id()));
  }

  /**
   * Changes the signed-in member's password after checking the current one. The token that asked
   * keeps working; every other token of the member ends, and so do the live connections they opened.
   * A wrong current password is a guess, throttled like a failed sign-in (see {@link SignInThrottle}).
   */
  public void changePassword(String currentPassword, String newPassword, ClientAddress client) {
    Caller caller = currentCaller.get();
    if (caller.credential() != Caller.Credential.JWT) {
      throw new ConvotException(ErrorCode.NOT_A_SESSION_TOKEN, "An API key has no password; sign in as a member");
    }
    Validation validation = new Validation()
        .require(currentPassword != null && !currentPassword.isEmpty(), "current_password", "required", "current_password is required");
    Passwords.check(newPassword, "new_password", validation);
    validation.throwIfInvalid();
    tenancy.enter(caller.organizationId());
    // An integration token acts as its member but must not take over the account.
    if (em.find(IntegrationToken.class, UUID.fromString(caller.credentialId())) != null) {
      throw new ConvotException(ErrorCode.SIGN_IN_REQUIRED, "Change the password signed in with your own sign-in token");
    }
    Member member = em.find(Member.class, caller.memberId());
    signIns.checkPasswordChangeAllowed(member.id(), client);
    if (!passwords.matches(currentPassword, member.passwordHash())) {
      signIns.passwordChangeFailed(member.id(), client);
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The current password is not right",
          List.of(new FieldError("current_password", "incorrect", "current_password is not the member's password")));
    }
    if (newPassword.equals(currentPassword)) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The new password is the current one",
          List.of(new FieldError("new_password", "unchanged", "new_password must differ from the current password")));
    }
    signIns.passwordChangeSucceeded(member.id());
    member.changePassword(passwords.hash(newPassword), caller.credentialId());
    live.revoke(caller.organizationId(), Revocation.ofMemberTokensBefore(member.id(), member.tokensValidAfter(), caller.credentialId()));
  }
}
