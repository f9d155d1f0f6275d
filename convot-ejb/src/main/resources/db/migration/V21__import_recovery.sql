-- Imports whose awaited step has not come for a while: the step message may have been lost to a
-- crash between the database's commit and the broker's, so the sweeper sends it again under its own
-- duplicate id. Claiming one moves its updated_at to now, so it is sent again once per period at
-- most; a row locked by a step under way is skipped.
CREATE FUNCTION convot_stalled_imports(p_before timestamptz, p_limit integer)
  RETURNS TABLE (import_id uuid, organization_id uuid, step integer, resumes_at timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ UPDATE imports i SET updated_at = now()
        FROM (SELECT id FROM imports
              WHERE status IN ('queued', 'running', 'paused') AND updated_at < p_before
                AND (resumes_at IS NULL OR resumes_at < p_before)
              ORDER BY updated_at LIMIT p_limit FOR UPDATE SKIP LOCKED) stalled
        WHERE i.id = stalled.id
        RETURNING i.id, i.organization_id, i.step, i.resumes_at $$;

REVOKE ALL ON FUNCTION convot_stalled_imports(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_stalled_imports(timestamptz, integer) TO ${app_role};
