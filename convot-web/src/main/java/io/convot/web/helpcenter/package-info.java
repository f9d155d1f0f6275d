/**
 * The help center in the REST API: articles per app, the editor's preview, and the custom domain
 * with its DNS verification. The public site is {@code io.convot.web.helpsite}; the widget's
 * search is {@code io.convot.web.widget.HelpResource}.
 */
package io.convot.web.helpcenter;
