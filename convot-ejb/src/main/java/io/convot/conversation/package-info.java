/**
 * Conversations between a contact and a team, and their messages (visitor messages, agent replies
 * and private notes). Every change writes its event to the outbox and reaches live clients.
 */
package io.convot.conversation;
