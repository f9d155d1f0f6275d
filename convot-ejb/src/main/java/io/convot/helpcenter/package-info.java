/**
 * The help center: articles per app (Markdown rendered on the server, then sanitized, so no script
 * survives), their public site and its search (PostgreSQL full-text search in each article's
 * language), and the custom domain an app serves it on, verified by a CNAME record
 * ({@link io.convot.helpcenter.DnsCheck}) when asked and again every day
 * ({@link io.convot.helpcenter.DomainRecheck}).
 */
package io.convot.helpcenter;
