/**
 * Imports from Crisp: an owner or admin gives a Crisp website and a plugin token, which is tried
 * against Crisp first and sealed while the import runs; the import then runs as a chain of queued
 * steps (one page of people, or one page of conversations with their messages, each stored in the
 * step's own transaction with the message that queues the next), pauses when Crisp rate-limits it,
 * and keeps Crisp's ids as source keys so that a re-run creates nothing twice.
 */
package io.convot.imports;
