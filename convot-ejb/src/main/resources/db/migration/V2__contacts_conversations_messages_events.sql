-- Contacts, their widget sessions and timelines; conversations and messages; the event outbox.

CREATE TABLE contacts (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  external_id      text CHECK (length(external_id) BETWEEN 1 AND 255),
  email            text CHECK (length(email) BETWEEN 3 AND 254),
  verified         boolean NOT NULL DEFAULT false,
  nickname         text CHECK (length(nickname) <= 200),
  avatar           text CHECK (length(avatar) <= 2000),
  phone            text CHECK (length(phone) <= 50),
  company          text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  deleted_at       timestamptz
);
CREATE INDEX contacts_organization_created ON contacts (organization_id, created_at, id);
CREATE INDEX contacts_app_email ON contacts (app_id, lower(email));
CREATE INDEX contacts_app_external_id ON contacts (app_id, external_id);
-- One verified person is one contact: sessions on every device find the same row.
CREATE UNIQUE INDEX contacts_verified_external_id ON contacts (app_id, external_id)
  WHERE verified AND external_id IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX contacts_verified_email ON contacts (app_id, lower(email))
  WHERE verified AND external_id IS NULL AND email IS NOT NULL AND deleted_at IS NULL;

-- Session data (key -> JSON value) and segments. They carry no organization_id of their own:
-- their policies defer to the contact's, which row-level security already scopes.
CREATE TABLE contact_data (
  contact_id  uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  value       text NOT NULL CHECK (length(value) <= 2000),
  PRIMARY KEY (contact_id, key)
);

CREATE TABLE contact_segments (
  contact_id  uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  segment     text NOT NULL CHECK (length(segment) BETWEEN 1 AND 100),
  PRIMARY KEY (contact_id, segment)
);
CREATE INDEX contact_segments_segment ON contact_segments (segment);

CREATE TABLE contact_events (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  contact_id       uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  data             text NOT NULL DEFAULT '{}',
  color            text,
  created_at       timestamptz NOT NULL
);
CREATE INDEX contact_events_contact_created ON contact_events (contact_id, created_at, id);

CREATE TABLE widget_sessions (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  contact_id       uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  token_hash       text NOT NULL UNIQUE,
  verified         boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL
);
CREATE INDEX widget_sessions_contact ON widget_sessions (contact_id);

CREATE TABLE conversations (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  contact_id       uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  status           text NOT NULL CHECK (status IN ('open', 'resolved')),
  assignee_id      uuid REFERENCES members (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  resolved_at      timestamptz,
  last_message_at  timestamptz
);
CREATE INDEX conversations_organization_created ON conversations (organization_id, created_at, id);
CREATE INDEX conversations_contact ON conversations (contact_id, created_at);

CREATE TABLE messages (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  author_type      text NOT NULL CHECK (author_type IN ('visitor', 'agent')),
  member_id        uuid REFERENCES members (id) ON DELETE SET NULL,
  private          boolean NOT NULL DEFAULT false,
  text             text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  deleted_at       timestamptz,
  CHECK (NOT private OR author_type = 'agent')
);
CREATE INDEX messages_conversation_created ON messages (conversation_id, created_at, id);

-- The outbox: every change integrators hear about, written in the change's own transaction.
CREATE TABLE events (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid,
  type             text NOT NULL,
  payload          text NOT NULL,
  created_at       timestamptz NOT NULL,
  relayed_at       timestamptz
);
CREATE INDEX events_organization_created ON events (organization_id, created_at, id);
CREATE INDEX events_unrelayed ON events (created_at) WHERE relayed_at IS NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contacts', 'contact_events', 'widget_sessions', 'conversations', 'messages', 'events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = convot_current_organization())'
                   ' WITH CHECK (organization_id = convot_current_organization())', t);
  END LOOP;
END
$$;

ALTER TABLE contact_data ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_data
  USING (EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id))
  WITH CHECK (EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id));

ALTER TABLE contact_segments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_segments
  USING (EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id))
  WITH CHECK (EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON contacts, contact_data, contact_segments, contact_events,
  widget_sessions, conversations, messages, events TO ${app_role};

-- The widget's public endpoints know an app key or a session token, not yet a tenant.
CREATE FUNCTION convot_app_by_key(p_app_key text)
  RETURNS TABLE (app_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM apps WHERE app_key = p_app_key $$;

CREATE FUNCTION convot_widget_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, organization_id uuid, app_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id, app_id FROM widget_sessions WHERE token_hash = p_token_hash $$;

REVOKE ALL ON FUNCTION convot_app_by_key(text), convot_widget_session(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_app_by_key(text), convot_widget_session(text) TO ${app_role};
