-- Widget settings (launcher, colors, position, visibility rules, pre-chat email, countries) and the
-- pre-chat qualification questions with their rule, per app, each a JSON document the application
-- checks; the answers a conversation started with; and who is available to answer.
ALTER TABLE apps
  ADD COLUMN widget_settings       text,
  ADD COLUMN qualification         text;

ALTER TABLE conversations
  ADD COLUMN qualification_answers text;

-- A member sets themselves available or away in the dashboard.
ALTER TABLE members
  ADD COLUMN availability text NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'away'));

-- One row per open dashboard connection of a member, on whichever server holds it. The server
-- refreshes seen_at while the connection lives and deletes the row when it closes; a row whose
-- server died stops counting once seen_at is older than the presence timeout, and is pruned.
CREATE TABLE member_presence (
  connection_id    uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  member_id        uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  connected_at     timestamptz NOT NULL,
  seen_at          timestamptz NOT NULL
);
CREATE INDEX member_presence_organization ON member_presence (organization_id, seen_at);
CREATE INDEX member_presence_member ON member_presence (member_id);
CREATE INDEX member_presence_seen ON member_presence (seen_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON member_presence TO ${app_role};

ALTER TABLE member_presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_presence
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

-- The heartbeat of one server's connections, across organizations (row-level security hides the others).
CREATE FUNCTION convot_touch_presence(p_connections uuid[], p_at timestamptz) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH touched AS (UPDATE member_presence SET seen_at = p_at WHERE connection_id = ANY (p_connections) RETURNING 1)
        SELECT count(*)::integer FROM touched $$;

-- Rows of servers that stopped refreshing them: deleted, returning the organizations whose availability may have changed.
CREATE FUNCTION convot_prune_presence(p_before timestamptz) RETURNS SETOF uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH gone AS (DELETE FROM member_presence WHERE seen_at < p_before RETURNING organization_id)
        SELECT DISTINCT organization_id FROM gone $$;

REVOKE ALL ON FUNCTION convot_touch_presence(uuid[], timestamptz), convot_prune_presence(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_touch_presence(uuid[], timestamptz), convot_prune_presence(timestamptz) TO ${app_role};
