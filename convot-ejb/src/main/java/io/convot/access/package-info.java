/**
 * Who is calling: the authenticated {@link io.convot.access.Caller} of a request (member or API key,
 * organization, role and permissions), where the request's code finds it, and the roles. Below
 * {@code auth}, {@code member}, {@code apikey} and {@code tenancy}, which all read it, so none of
 * them needs another.
 */
package io.convot.access;
