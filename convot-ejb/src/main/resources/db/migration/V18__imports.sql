-- Imports from Crisp: one row per import (its progress, its sealed credentials while it runs), and
-- the source keys that make a re-run create nothing twice: Crisp's people_id on the contacts an
-- import created, session_id on conversations, the message fingerprint on messages.

CREATE TABLE imports (
  id                    uuid PRIMARY KEY,
  organization_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id                uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  source                text NOT NULL CHECK (source IN ('crisp')),
  website_id            text NOT NULL CHECK (length(website_id) BETWEEN 1 AND 100),
  status                text NOT NULL CHECK (status IN ('queued', 'running', 'paused', 'completed', 'failed')),
  -- Sealed like the Partner API token; null once the import ended.
  credentials_sealed    text,
  -- Where it is: people pages, then conversation pages (each with its conversations' messages).
  phase                 text NOT NULL DEFAULT 'people' CHECK (phase IN ('people', 'conversations')),
  next_page             integer NOT NULL DEFAULT 1,
  -- Each queued step carries this number; a message whose number is not the row's is stale.
  step                  integer NOT NULL DEFAULT 0,
  contacts              integer NOT NULL DEFAULT 0,
  conversations         integer NOT NULL DEFAULT 0,
  messages              integer NOT NULL DEFAULT 0,
  pages_done            integer NOT NULL DEFAULT 0,
  pages_total           integer,
  resumes_at            timestamptz,
  rate_limited_in_a_row integer NOT NULL DEFAULT 0,
  failures_in_a_row     integer NOT NULL DEFAULT 0,
  error                 text,
  created_by            uuid REFERENCES members (id) ON DELETE SET NULL,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  finished_at           timestamptz
);
CREATE INDEX imports_organization_created ON imports (organization_id, created_at, id);
-- One import of a website into an app at a time.
CREATE UNIQUE INDEX imports_one_running ON imports (app_id, website_id) WHERE status IN ('queued', 'running', 'paused');

ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON imports
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());
GRANT SELECT, INSERT, UPDATE, DELETE ON imports TO ${app_role};

-- Source keys: 'crisp:people:<people_id>' or 'crisp:session:<session_id>' on a contact,
-- 'crisp:<session_id>' on a conversation, the fingerprint on a message (unique in its conversation).
ALTER TABLE contacts ADD COLUMN source_key text CHECK (length(source_key) <= 300);
ALTER TABLE conversations ADD COLUMN source_key text CHECK (length(source_key) <= 300);
ALTER TABLE messages
  ADD COLUMN source_key  text CHECK (length(source_key) <= 100),
  -- An imported reply by someone who is not a member: their name as the source knew it.
  ADD COLUMN author_name text CHECK (length(author_name) <= 200);
CREATE UNIQUE INDEX contacts_source_key ON contacts (app_id, source_key) WHERE source_key IS NOT NULL;
CREATE UNIQUE INDEX conversations_source_key ON conversations (app_id, source_key) WHERE source_key IS NOT NULL;
CREATE UNIQUE INDEX messages_source_key ON messages (conversation_id, source_key) WHERE source_key IS NOT NULL;
