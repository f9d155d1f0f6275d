package io.convot.web.member;

import io.convot.member.Member;
import java.time.Instant;

/** A member on the wire. */
public record MemberView(String id, String email, String name, String role, String status, Permissions permissions, Instant createdAt) {

  public record Permissions(boolean revenueAccess) {}

  public static MemberView of(Member member) {
    return new MemberView(member.id().toString(), member.email(), member.name(), member.role().wire(),
        member.status().name(), new Permissions(member.revenueAccess()), member.createdAt());
  }
}
