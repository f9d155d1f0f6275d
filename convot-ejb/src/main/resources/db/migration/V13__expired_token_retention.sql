-- Expired integration tokens stay listed (marked expired) for a while, then go; so do the ids of
-- signed-out tokens, which only need remembering until the token would have expired anyway.
CREATE INDEX integration_tokens_expires ON integration_tokens (expires_at);

-- Clean-up across organizations (row-level security hides the others): tokens expired before the cut-off.
CREATE FUNCTION convot_prune_integration_tokens(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT id FROM integration_tokens WHERE expires_at < p_before LIMIT p_limit),
             gone AS (DELETE FROM integration_tokens t USING doomed WHERE t.id = doomed.id RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

-- revoked_tokens holds no tenant data and the application may delete from it: no definer's rights needed.
CREATE FUNCTION convot_prune_revoked_tokens(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT jti FROM revoked_tokens WHERE expires_at < p_before LIMIT p_limit),
             gone AS (DELETE FROM revoked_tokens r USING doomed WHERE r.jti = doomed.jti RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

REVOKE ALL ON FUNCTION convot_prune_integration_tokens(timestamptz, integer),
  convot_prune_revoked_tokens(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_prune_integration_tokens(timestamptz, integer),
  convot_prune_revoked_tokens(timestamptz, integer) TO ${app_role};
