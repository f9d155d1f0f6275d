package io.convot.contact;

import java.util.Optional;

/** Profile fields a visitor or agent may set; an empty optional leaves the field as it is. */
public record Profile(Optional<String> nickname, Optional<String> avatar, Optional<String> phone, Optional<String> company) {

  public static final Profile NONE = new Profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
