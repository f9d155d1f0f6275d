/**
 * {@code Idempotency-Key} on every POST of the REST API, in one place: a filter pair and a writer
 * interceptor around every resource, so a new POST endpoint is covered without doing anything.
 */
package io.convot.web.idempotency;
