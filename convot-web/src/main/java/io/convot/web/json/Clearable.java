package io.convot.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code JsonValue} component a change (JSON Merge Patch) may clear: JSON-B binds a left-out
 * member as Java {@code null} and a {@code null} one as {@code JsonValue.NULL}, so the resource can
 * tell "unchanged" from "clear". Any other value must have the shape of {@link #value()}, which
 * {@link RecordShape} checks as it checks a component of that type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Clearable {

  /** The type a value that is not null must have: {@code String.class}, {@code JsonObject.class}, ... */
  Class<?> value();
}
