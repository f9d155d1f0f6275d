/**
 * Whether an app is available to chat: its office hours are open and at least one member is online
 * (has the dashboard open, on any server) and not set to away; and telling open widgets when that changes.
 */
package io.convot.availability;
