-- Reports: what response and resolution times need, written when it happens rather than recomputed
-- from every message, and the indexes of the reports' range queries.
--
-- A conversation keeps its first visitor message and its first reply after it (not a note), with
-- the member who sent that reply (null for an API key). The message path sets them in the UPDATE of
-- the conversation it already makes per message; deleting a message later does not undo them (the
-- reply was sent, and seen, at that time).
ALTER TABLE conversations
  ADD COLUMN first_visitor_message_at  timestamptz,
  ADD COLUMN first_reply_at            timestamptz,
  ADD COLUMN first_responder_id        uuid REFERENCES members (id) ON DELETE SET NULL;

-- Two messages of one conversation written at once could each see the facts unset: the first value
-- committed stays. Fires only on an UPDATE that sets one of these columns (the first visitor message,
-- the first reply), not on the other updates of a conversation.
CREATE FUNCTION convot_keep_first_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.first_visitor_message_at := coalesce(OLD.first_visitor_message_at, NEW.first_visitor_message_at);
  IF OLD.first_reply_at IS NOT NULL THEN
    NEW.first_reply_at := OLD.first_reply_at;
    NEW.first_responder_id := OLD.first_responder_id;
  ELSIF NEW.first_reply_at IS NOT NULL
        AND (NEW.first_visitor_message_at IS NULL OR NEW.first_reply_at < NEW.first_visitor_message_at) THEN
    NEW.first_reply_at := NULL;
    NEW.first_responder_id := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER conversations_keep_first_facts
  BEFORE UPDATE OF first_visitor_message_at, first_reply_at, first_responder_id ON conversations
  FOR EACH ROW EXECUTE FUNCTION convot_keep_first_facts();

-- Backfill from the messages' own times (deleted ones included, as the message path counts them).
UPDATE conversations c SET first_visitor_message_at = v.at
FROM (SELECT conversation_id, min(created_at) AS at FROM messages WHERE author_type = 'visitor'
      GROUP BY conversation_id) v
WHERE v.conversation_id = c.id;

UPDATE conversations c SET first_reply_at = r.created_at, first_responder_id = r.member_id
FROM (SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.created_at, m.member_id
      FROM messages m JOIN conversations f ON f.id = m.conversation_id
      WHERE m.author_type = 'agent' AND NOT m.private AND m.created_at >= f.first_visitor_message_at
      ORDER BY m.conversation_id, m.created_at, m.id) r
WHERE r.conversation_id = c.id;

-- Each move to resolved, kept when the conversation is reopened: who resolved it (null for an API
-- key) and when, with the conversation's creation so that a resolution time needs no join.
CREATE TABLE conversation_resolutions (
  id                       uuid PRIMARY KEY,
  organization_id          uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id                   uuid NOT NULL,
  conversation_id          uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  member_id                uuid REFERENCES members (id) ON DELETE SET NULL,
  conversation_created_at  timestamptz NOT NULL,
  resolved_at              timestamptz NOT NULL
);
CREATE INDEX conversation_resolutions_report ON conversation_resolutions (organization_id, resolved_at)
  INCLUDE (app_id, member_id, conversation_created_at);
CREATE INDEX conversation_resolutions_conversation ON conversation_resolutions (conversation_id, resolved_at);

-- Backfill: every resolution the outbox recorded (its resolved_at as written then), then the current
-- resolution of a resolved conversation that has none. Who resolved them was not recorded.
INSERT INTO conversation_resolutions (id, organization_id, app_id, conversation_id, member_id, conversation_created_at, resolved_at)
SELECT gen_random_uuid(), c.organization_id, c.app_id, c.id, NULL, c.created_at,
       coalesce((e.payload::jsonb #>> '{data,conversation,resolved_at}')::timestamptz, e.created_at)
FROM events e JOIN conversations c ON c.id::text = e.payload::jsonb #>> '{data,conversation,id}'
WHERE e.type = 'conversation.resolved';

INSERT INTO conversation_resolutions (id, organization_id, app_id, conversation_id, member_id, conversation_created_at, resolved_at)
SELECT gen_random_uuid(), c.organization_id, c.app_id, c.id, NULL, c.created_at, c.resolved_at
FROM conversations c
WHERE c.status = 'resolved' AND c.resolved_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM conversation_resolutions r WHERE r.conversation_id = c.id AND r.resolved_at = c.resolved_at);

ALTER TABLE conversation_resolutions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_resolutions
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());
GRANT SELECT, INSERT, UPDATE, DELETE ON conversation_resolutions TO ${app_role};

-- The reports' range queries. Messages counted (not notes, not deleted) by their time, read from the
-- index alone; first replies by their time. Conversations created in a range use
-- conversations_organization_created.
CREATE INDEX messages_report ON messages (organization_id, created_at) INCLUDE (author_type, member_id, app_id)
  WHERE NOT private AND deleted_at IS NULL;
CREATE INDEX conversations_first_reply ON conversations (organization_id, first_reply_at)
  INCLUDE (app_id, first_visitor_message_at, first_responder_id) WHERE first_reply_at IS NOT NULL;
