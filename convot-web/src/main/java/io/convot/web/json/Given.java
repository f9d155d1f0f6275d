package io.convot.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The member must be in the body, though {@code null} is a value of it ({@code "member_id": null}
 * unassigns). Binding cannot tell a left-out member from a null one, so {@link RecordShape} checks
 * this on the JSON: a body without it is a {@code required} field error saying {@link #value()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Given {

  /** What the field error says after the field's name, such as "is required (null unassigns)". */
  String value() default "is required";
}
