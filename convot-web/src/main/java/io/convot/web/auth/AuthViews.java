package io.convot.web.auth;

import io.convot.auth.IssuedToken;
import io.convot.auth.Session;
import io.convot.web.member.MemberView;
import java.time.Instant;

/** Response shapes of the auth endpoints. */
public final class AuthViews {

  private AuthViews() {}

  public record OrganizationView(String id, String name) {}

  public record SignedUp(OrganizationView organization, MemberView member, String token, Instant expiresAt) {
    public static SignedUp of(Session session) {
      return new SignedUp(new OrganizationView(session.organization().id().toString(), session.organization().name()),
          MemberView.of(session.member()), session.token().token(), session.token().expiresAt());
    }
  }

  public record TokenView(String token, Instant expiresAt) {
    public static TokenView of(IssuedToken token) {
      return new TokenView(token.token(), token.expiresAt());
    }
  }
}
