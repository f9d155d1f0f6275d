package io.convot.member;

import io.convot.access.Role;
import java.util.Optional;

/** A partial update of a member: a new role, the revenue permission, or both. */
public record MemberChanges(Optional<Role> role, Optional<Boolean> revenueAccess) {}
