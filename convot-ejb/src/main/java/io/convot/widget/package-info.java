/**
 * The widget's public side: app configuration for the embed, visitor sessions (with identity
 * verification), and what a visitor sends and reads. Callers are visitors, not members: the tenant
 * comes from the app key or the session token.
 */
package io.convot.widget;
