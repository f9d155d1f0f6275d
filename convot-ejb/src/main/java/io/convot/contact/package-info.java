/**
 * Contacts: the visitors and merchants who talk to a team, one app each, with their identity
 * (verified or not), session data, segments and timeline of events.
 */
package io.convot.contact;
