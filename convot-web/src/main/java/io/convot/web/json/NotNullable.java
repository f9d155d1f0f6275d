package io.convot.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In a change (JSON Merge Patch) a member left out is unchanged and {@code null} clears it; a field
 * that cannot be empty refuses {@code null} instead, as a {@code wrong_type} field error. Binding
 * cannot tell the two apart, so {@link RecordShape} checks this on the JSON.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotNullable {}
