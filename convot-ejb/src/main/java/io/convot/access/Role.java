package io.convot.access;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import java.util.Locale;

/** A member's role. Owners and admins manage the organization; agents answer conversations. */
public enum Role {
  OWNER,
  ADMIN,
  AGENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean canManage() {
    return this != AGENT;
  }

  public static Role parse(String value, String field) {
    for (Role role : values()) {
      if (role.wire().equals(value)) {
        return role;
      }
    }
    throw new ConvotException(ErrorCode.VALIDATION_FAILED, field + " must be owner, admin or agent",
        java.util.List.of(new io.convot.common.FieldError(field, "invalid_role", field + " must be owner, admin or agent")));
  }
}
