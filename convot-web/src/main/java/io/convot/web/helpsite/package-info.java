/**
 * The public help center: server-side HTML pages (readable without JavaScript, with a title, a
 * meta description and a canonical link each), in the app's theme color, cacheable with
 * {@code ETag} revalidation, with a {@code sitemap.xml}; served under {@code /help/<app key>/} and,
 * once verified, at the root of the app's custom domain (by the request's {@code Host}). Every
 * value is escaped; only an article's sanitized HTML is written as markup.
 */
package io.convot.web.helpsite;
