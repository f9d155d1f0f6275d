/**
 * Tenancy: every organization's rows are filtered by EclipseLink in the application and by
 * PostgreSQL row-level security in the database, both set from the authenticated caller.
 */
package io.convot.tenancy;
