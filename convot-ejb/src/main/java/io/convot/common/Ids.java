package io.convot.common;

import java.util.UUID;

/** Ids as native queries return them: a {@link UUID}, or its text from some drivers and functions. */
public final class Ids {

  private Ids() {}

  public static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }
}
