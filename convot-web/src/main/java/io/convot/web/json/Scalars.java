package io.convot.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An object of scalar values ({@code {"plan": "pro", "seats": 3}}): {@link RecordShape} refuses a
 * nested object or array in it as a {@code wrong_type} field error naming the entry, since custom
 * data is kept flat.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Scalars {}
