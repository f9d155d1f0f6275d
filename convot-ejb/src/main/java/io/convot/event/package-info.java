/**
 * The event outbox: every change integrators hear about is written here in the same transaction as
 * the change itself, with the full snapshot of the objects involved, for webhook delivery to relay.
 */
package io.convot.event;
