-- Idempotency-Key on POST: one row per organization, principal (a sign-in token's id or an API key's) and key.
-- A row is in progress while holder and locked_until are set, and completed once it has a response.
-- The response body is sealed (it may hold a secret shown once, such as a new API key).
CREATE TABLE idempotency_keys (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  principal         text NOT NULL,
  idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  request_method    text NOT NULL,
  request_path      text NOT NULL,
  request_hash      text NOT NULL,
  created_at        timestamptz NOT NULL,
  holder            uuid,
  locked_until      timestamptz,
  response_status   integer CHECK (response_status BETWEEN 100 AND 599),
  response_headers  text,
  response_body     text,
  completed_at      timestamptz,
  UNIQUE (organization_id, principal, idempotency_key),
  CHECK ((completed_at IS NULL) = (response_status IS NULL)),
  CHECK (completed_at IS NOT NULL OR (holder IS NOT NULL AND locked_until IS NOT NULL))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${app_role};

-- Clean-up: keys created before the cut-off, in every organization, a batch at a time.
CREATE FUNCTION convot_prune_idempotency_keys(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT id FROM idempotency_keys WHERE created_at < p_before LIMIT p_limit),
             gone AS (DELETE FROM idempotency_keys k USING doomed WHERE k.id = doomed.id RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

REVOKE ALL ON FUNCTION convot_prune_idempotency_keys(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_prune_idempotency_keys(timestamptz, integer) TO ${app_role};
