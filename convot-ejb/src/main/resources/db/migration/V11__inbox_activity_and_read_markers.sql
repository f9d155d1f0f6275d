-- What the dashboard's inbox reads of a conversation without reading its messages: its latest
-- activity (the order of the list), its latest message, when the visitor last wrote and since when
-- the visitor awaits an answer; each member's read marker per conversation; and the indexes that an
-- agent's catch-up after a reconnect reads.

-- last_message_id has no foreign key: messages are only ever deleted with their conversation.
ALTER TABLE conversations
  ADD COLUMN last_activity_at         timestamptz,
  ADD COLUMN last_message_id          uuid,
  ADD COLUMN last_visitor_message_at  timestamptz,
  ADD COLUMN waiting_since            timestamptz;

UPDATE conversations SET last_activity_at = coalesce(last_message_at, created_at);
ALTER TABLE conversations ALTER COLUMN last_activity_at SET NOT NULL;

UPDATE conversations c SET last_message_id = latest.id
FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id FROM messages
      ORDER BY conversation_id, created_at DESC, id DESC) latest
WHERE latest.conversation_id = c.id;

UPDATE conversations c SET last_visitor_message_at = visitor.at
FROM (SELECT conversation_id, max(created_at) AS at FROM messages
      WHERE author_type = 'visitor' AND deleted_at IS NULL GROUP BY conversation_id) visitor
WHERE visitor.conversation_id = c.id;

-- Waiting: the visitor wrote after the team's last reply (notes and deleted messages do not count);
-- since the first of those visitor messages.
UPDATE conversations c SET waiting_since = waiting.since
FROM (SELECT m.conversation_id, min(m.created_at) AS since FROM messages m
      WHERE m.author_type = 'visitor' AND m.deleted_at IS NULL
        AND m.created_at > coalesce((SELECT max(a.created_at) FROM messages a
                                     WHERE a.conversation_id = m.conversation_id AND a.author_type = 'agent'
                                       AND NOT a.private AND a.deleted_at IS NULL), '-infinity')
      GROUP BY m.conversation_id) waiting
WHERE waiting.conversation_id = c.id;

-- The inbox, newest activity first (read backwards); the catch-up, by what changed since a time.
CREATE INDEX conversations_organization_activity ON conversations (organization_id, last_activity_at, id);
CREATE INDEX conversations_organization_updated ON conversations (organization_id, updated_at, id);
CREATE INDEX messages_organization_updated ON messages (organization_id, updated_at, id);

-- How far each member has read each conversation: up to the created_at of the latest message then.
-- Gone with the member, the conversation (and so the contact or app) or the organization.
CREATE TABLE conversation_reads (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  member_id        uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  read_up_to       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (conversation_id, member_id)
);
CREATE INDEX conversation_reads_member ON conversation_reads (member_id);

ALTER TABLE conversation_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_reads
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

GRANT SELECT, INSERT, UPDATE, DELETE ON conversation_reads TO ${app_role};
