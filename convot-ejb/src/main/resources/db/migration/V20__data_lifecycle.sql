-- Data lifecycle: a cancelled organization and a deleted app wait out a grace period (during which
-- they can be brought back), then the deletion job removes every row they own, a batch at a time,
-- and records what it removed in deletion_log, which outlives them. An export of an organization's
-- data is a ZIP of JSON Lines files stored in the database in 1 MiB chunks, so every server of a
-- cluster can serve its download and the organization's deletion removes it like any other row.

ALTER TABLE organizations
  ADD COLUMN cancelled_at  timestamptz,
  ADD COLUMN purge_after   timestamptz,
  ADD CHECK ((cancelled_at IS NULL) = (purge_after IS NULL));
CREATE INDEX organizations_purge_after ON organizations (purge_after) WHERE purge_after IS NOT NULL;

ALTER TABLE apps
  ADD COLUMN deleted_at   timestamptz,
  ADD COLUMN purge_after  timestamptz,
  ADD CHECK ((deleted_at IS NULL) = (purge_after IS NULL));
CREATE INDEX apps_purge_after ON apps (purge_after) WHERE purge_after IS NOT NULL;

-- One row per deletion (an organization's or an app's), never content: which tables lost how many
-- rows. It names what it deleted by id only and belongs to no organization (no organization_id
-- column, no row-level security): the operator's record that the deletion happened.
CREATE TABLE deletion_log (
  id                    uuid PRIMARY KEY,
  subject               text NOT NULL CHECK (subject IN ('organization', 'app')),
  subject_id            uuid NOT NULL,
  of_organization       uuid NOT NULL,
  requested_at          timestamptz NOT NULL,
  due_at                timestamptz NOT NULL,
  started_at            timestamptz NOT NULL,
  finished_at           timestamptz,
  runs                  integer NOT NULL DEFAULT 1,
  UNIQUE (subject, subject_id)
);
CREATE TABLE deletion_log_tables (
  deletion_id   uuid NOT NULL REFERENCES deletion_log (id) ON DELETE CASCADE,
  table_name    text NOT NULL,
  deleted_rows  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (deletion_id, table_name)
);
GRANT SELECT, INSERT, UPDATE ON deletion_log, deletion_log_tables TO ${app_role};

-- Exports: JSON Lines archives built by a background job, kept 7 days.
CREATE TABLE organization_exports (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  requested_by     uuid REFERENCES members (id) ON DELETE SET NULL,
  status           text NOT NULL CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
  records_written  bigint NOT NULL DEFAULT 0,
  records_total    bigint,
  size_bytes       bigint,
  sha256           text,
  error            text,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  expires_at       timestamptz NOT NULL
);
CREATE INDEX organization_exports_organization_created ON organization_exports (organization_id, created_at, id);
CREATE INDEX organization_exports_expires ON organization_exports (expires_at) WHERE status <> 'expired';
ALTER TABLE organization_exports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organization_exports
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());
GRANT SELECT, INSERT, UPDATE, DELETE ON organization_exports TO ${app_role};

CREATE TABLE organization_export_chunks (
  export_id        uuid NOT NULL REFERENCES organization_exports (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  seq              integer NOT NULL,
  data             bytea NOT NULL,
  PRIMARY KEY (export_id, seq)
);
CREATE INDEX organization_export_chunks_organization ON organization_export_chunks (organization_id);
ALTER TABLE organization_export_chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organization_export_chunks
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());
GRANT SELECT, INSERT, UPDATE, DELETE ON organization_export_chunks TO ${app_role};

-- The deletion job's work list, across organizations (as the other jobs find theirs).
CREATE FUNCTION convot_organizations_due_for_deletion(p_now timestamptz, p_limit integer)
  RETURNS TABLE (organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id FROM organizations WHERE purge_after <= p_now ORDER BY purge_after LIMIT p_limit $$;

CREATE FUNCTION convot_apps_due_for_deletion(p_now timestamptz, p_limit integer)
  RETURNS TABLE (app_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM apps WHERE purge_after <= p_now ORDER BY purge_after LIMIT p_limit $$;

-- Expired exports in every organization: the job deletes their chunks and marks them expired.
CREATE FUNCTION convot_expired_exports(p_now timestamptz, p_limit integer)
  RETURNS TABLE (export_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM organization_exports
        WHERE expires_at <= p_now AND status <> 'expired' ORDER BY expires_at LIMIT p_limit $$;

-- A cancelled organization is not synced with Shopify.
CREATE OR REPLACE FUNCTION convot_shopify_due_integrations(p_now timestamptz, p_limit integer)
  RETURNS TABLE (organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT i.organization_id FROM shopify_integrations i JOIN organizations o ON o.id = i.organization_id
        WHERE i.status = 'active' AND i.next_sync_at <= p_now AND (i.running_run_id IS NULL OR i.lease_until < p_now)
          AND o.cancelled_at IS NULL
        ORDER BY i.next_sync_at LIMIT p_limit $$;

REVOKE ALL ON FUNCTION convot_organizations_due_for_deletion(timestamptz, integer),
  convot_apps_due_for_deletion(timestamptz, integer), convot_expired_exports(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_organizations_due_for_deletion(timestamptz, integer),
  convot_apps_due_for_deletion(timestamptz, integer), convot_expired_exports(timestamptz, integer) TO ${app_role};
