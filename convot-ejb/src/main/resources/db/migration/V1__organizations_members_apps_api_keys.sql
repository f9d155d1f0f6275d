-- The application's role owns no table, so row-level security applies to everything it does.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
    CREATE ROLE ${app_role} NOLOGIN;
  END IF;
END
$$;
-- The schema owner may act as the application role (the pool does SET ROLE on every connection).
GRANT ${app_role} TO CURRENT_USER;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${app_role};

-- The tenant of the current transaction, set by the application at its start (NULL when unset).
CREATE FUNCTION convot_current_organization() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('convot.organization_id', true), '')::uuid $$;

CREATE TABLE organizations (
  id          uuid PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at  timestamptz NOT NULL
);

CREATE TABLE members (
  id                     uuid PRIMARY KEY,
  organization_id        uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email                  text NOT NULL,
  name                   text,
  role                   text NOT NULL CHECK (role IN ('owner', 'admin', 'agent')),
  revenue_access         boolean NOT NULL DEFAULT false,
  status                 text NOT NULL CHECK (status IN ('active', 'invited')),
  password_hash          text,
  invitation_token_hash  text UNIQUE,
  invitation_expires_at  timestamptz,
  tokens_valid_after     timestamptz NOT NULL,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  CHECK (status = 'invited' OR password_hash IS NOT NULL)
);
-- One account per email across Convot: sign-in needs no organization picker.
CREATE UNIQUE INDEX members_email_key ON members (lower(email));
CREATE INDEX members_organization_created ON members (organization_id, created_at, id);

CREATE TABLE apps (
  id                             uuid PRIMARY KEY,
  organization_id                uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name                           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  app_key                        text NOT NULL UNIQUE,
  identity_secret                text NOT NULL,
  previous_identity_secret       text,
  previous_secret_valid_until    timestamptz,
  require_identity_verification  boolean NOT NULL DEFAULT false,
  allowed_origins                text NOT NULL DEFAULT '',
  shopify_app_id                 text,
  created_at                     timestamptz NOT NULL,
  updated_at                     timestamptz NOT NULL
);
CREATE INDEX apps_organization_created ON apps (organization_id, created_at, id);

CREATE TABLE api_keys (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix           text NOT NULL,
  key_hash         text NOT NULL UNIQUE,
  created_by       uuid REFERENCES members (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL,
  last_used_at     timestamptz
);
CREATE INDEX api_keys_organization_created ON api_keys (organization_id, created_at, id);

-- Signed-out JWTs until they would have expired anyway. Holds no tenant data: only token ids.
CREATE TABLE revoked_tokens (
  jti         text PRIMARY KEY,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expires ON revoked_tokens (expires_at);

-- Row-level security: a row is visible and writable only inside its own organization's transaction.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations
  USING (id = convot_current_organization())
  WITH CHECK (id = convot_current_organization());

ALTER TABLE members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON members
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

ALTER TABLE apps ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON apps
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, members, apps, api_keys, revoked_tokens TO ${app_role};

-- The few lookups that must cross tenants before a tenant is known. Each returns only what
-- authentication needs, and runs with the owner's rights (bypassing row-level security).
CREATE FUNCTION convot_login_candidate(p_email text)
  RETURNS TABLE (member_id uuid, organization_id uuid, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id, password_hash FROM members
        WHERE lower(email) = lower(p_email) AND status = 'active' $$;

CREATE FUNCTION convot_email_registered(p_email text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT EXISTS (SELECT 1 FROM members WHERE lower(email) = lower(p_email)) $$;

CREATE FUNCTION convot_api_key_owner(p_key_hash text)
  RETURNS TABLE (api_key_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM api_keys WHERE key_hash = p_key_hash $$;

CREATE FUNCTION convot_invitation(p_token_hash text)
  RETURNS TABLE (member_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM members
        WHERE invitation_token_hash = p_token_hash AND status = 'invited'
          AND invitation_expires_at > now() $$;

REVOKE ALL ON FUNCTION convot_login_candidate(text), convot_email_registered(text),
  convot_api_key_owner(text), convot_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_login_candidate(text), convot_email_registered(text),
  convot_api_key_owner(text), convot_invitation(text), convot_current_organization() TO ${app_role};
