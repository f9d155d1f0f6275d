package io.convot.member;

import io.convot.auth.Role;
import java.util.Optional;

/** A partial update of a member: a new role, the revenue permission, or both. */
public record MemberChanges(Optional<Role> role, Optional<Boolean> revenueAccess) {}
