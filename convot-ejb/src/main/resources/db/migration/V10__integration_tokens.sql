-- JWTs issued to integrations by POST /api/v1/tokens. The token itself is never stored: only its
-- id (the jti), so the organization can list and revoke what it handed out.
CREATE TABLE integration_tokens (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  member_id        uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL
);
CREATE INDEX integration_tokens_organization_created ON integration_tokens (organization_id, created_at, id);

ALTER TABLE integration_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_tokens
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

GRANT SELECT, INSERT, UPDATE, DELETE ON integration_tokens TO ${app_role};

