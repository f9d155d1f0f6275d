-- Webhook delivery recovery after a crash, deliveries kept for disabled endpoints, and retention.

-- One row per server start. A server heartbeats its run; a run is over when the same server
-- started again (ended_at) or its heartbeat stopped. Holds no customer data, so no tenant policy.
CREATE TABLE server_runs (
  id          uuid PRIMARY KEY,
  server      text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  alive_at    timestamptz NOT NULL DEFAULT now(),
  ended_at    timestamptz
);
CREATE INDEX server_runs_server ON server_runs (server) WHERE ended_at IS NULL;
GRANT SELECT, INSERT, UPDATE, DELETE ON server_runs TO ${app_role};

-- Which message carries a pending delivery's next attempt (its broker duplicate id), which run
-- queued it, and when. A delivery queued before these columns existed has none of them.
ALTER TABLE webhook_deliveries
  ADD COLUMN queued_message uuid,
  ADD COLUMN queued_by uuid,
  ADD COLUMN queued_at timestamptz;
CREATE INDEX webhook_deliveries_queued ON webhook_deliveries (queued_by, queued_at) WHERE status = 'pending';

-- An event raised while its endpoint was disabled is kept as a skipped delivery, which replay sends.
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
  CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped'));

-- Retention reads events by age, and deleting an event deletes its deliveries (by event_id).
CREATE INDEX events_created ON events (created_at);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- Pending deliveries whose next attempt was queued by a run that is over, in the last
-- p_lookback of its life: the transactions that may have committed in the database while their
-- message never reached the broker. Earlier ones reached it long before the run's last heartbeat.
-- Whole messages (at most p_limit of them): a message is sent again with every delivery it carried.
CREATE FUNCTION convot_orphaned_deliveries(p_lease interval, p_lookback interval, p_limit integer)
  RETURNS TABLE (delivery_id uuid, organization_id uuid, attempts integer, next_attempt_at timestamptz,
                 queued_message uuid, queued_by uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH lost AS (
          SELECT DISTINCT d.queued_message, d.queued_by
          FROM server_runs r JOIN webhook_deliveries d ON d.queued_by = r.id AND d.status = 'pending'
          WHERE (r.ended_at IS NOT NULL OR r.alive_at < now() - p_lease)
            AND r.alive_at > now() - interval '1 day'
            AND d.queued_at > r.alive_at - p_lookback
            AND d.queued_message IS NOT NULL
          LIMIT p_limit)
        SELECT d.id, d.organization_id, d.attempts, d.next_attempt_at, d.queued_message, d.queued_by
        FROM lost JOIN webhook_deliveries d
          ON d.queued_by = lost.queued_by AND d.queued_message = lost.queued_message AND d.status = 'pending' $$;

-- The run p_run now answers for the deliveries that message p_message carries (it sent it again).
CREATE FUNCTION convot_adopt_deliveries(p_message uuid, p_from uuid, p_run uuid) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH adopted AS (UPDATE webhook_deliveries SET queued_by = p_run
                          WHERE queued_message = p_message AND queued_by = p_from AND status = 'pending' RETURNING 1)
        SELECT count(*)::integer FROM adopted $$;

-- Deliveries whose next attempt is long overdue get a new message, queued by p_run now.
CREATE FUNCTION convot_requeue_overdue_deliveries(p_older_than timestamptz, p_run uuid, p_limit integer)
  RETURNS TABLE (delivery_id uuid, organization_id uuid, attempts integer, queued_message uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH overdue AS (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at < p_older_than
                          ORDER BY next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED)
        UPDATE webhook_deliveries d SET queued_message = gen_random_uuid(), queued_by = p_run, queued_at = now(),
                                        next_attempt_at = now()
        FROM overdue WHERE d.id = overdue.id
        RETURNING d.id, d.organization_id, d.attempts, d.queued_message $$;

-- Retention: deliveries (their attempts with them) created before p_before, then relayed events
-- created before it that no delivery refers to any more. Each call deletes at most p_limit rows.
CREATE FUNCTION convot_prune_webhook_deliveries(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT d.id FROM events v JOIN webhook_deliveries d ON d.event_id = v.id
                         WHERE v.created_at < p_before AND d.created_at < p_before LIMIT p_limit),
             gone AS (DELETE FROM webhook_deliveries d USING doomed WHERE d.id = doomed.id RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

CREATE FUNCTION convot_prune_relayed_events(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT v.id FROM events v WHERE v.created_at < p_before AND v.relayed_at IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = v.id) LIMIT p_limit),
             gone AS (DELETE FROM events v USING doomed WHERE v.id = doomed.id RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

REVOKE ALL ON FUNCTION convot_orphaned_deliveries(interval, interval, integer), convot_adopt_deliveries(uuid, uuid, uuid),
  convot_requeue_overdue_deliveries(timestamptz, uuid, integer), convot_prune_webhook_deliveries(timestamptz, integer),
  convot_prune_relayed_events(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_orphaned_deliveries(interval, interval, integer), convot_adopt_deliveries(uuid, uuid, uuid),
  convot_requeue_overdue_deliveries(timestamptz, uuid, integer), convot_prune_webhook_deliveries(timestamptz, integer),
  convot_prune_relayed_events(timestamptz, integer) TO ${app_role};

-- Replaced by convot_requeue_overdue_deliveries, which also records the new message.
DROP FUNCTION convot_overdue_deliveries(timestamptz, integer);
