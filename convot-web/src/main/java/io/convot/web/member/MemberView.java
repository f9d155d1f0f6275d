package io.convot.web.member;

import io.convot.member.Member;
import java.time.Instant;

/** A member on the wire; {@code availability} ({@code available} or {@code away}) is what they set in the dashboard. */
public record MemberView(String id, String email, String name, String role, String status, Permissions permissions,
    String availability, Instant createdAt) {

  public record Permissions(boolean revenueAccess) {}

  public static MemberView of(Member member) {
    return new MemberView(member.id().toString(), member.email(), member.name(), member.role().wire(),
        member.status().name(), new Permissions(member.revenueAccess()), member.availability(), member.createdAt());
  }
}
