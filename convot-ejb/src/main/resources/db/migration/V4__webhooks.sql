-- Webhook endpoints, one delivery per event and endpoint, and every attempt of each delivery.

CREATE TABLE webhook_endpoints (
  id                          uuid PRIMARY KEY,
  organization_id             uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  url                         text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
  description                 text CHECK (length(description) <= 500),
  event_types                 text NOT NULL DEFAULT '',
  app_ids                     text NOT NULL DEFAULT '',
  secret                      text NOT NULL,
  previous_secret             text,
  previous_secret_expires_at  timestamptz,
  active                      boolean NOT NULL DEFAULT true,
  disabled_reason             text,
  disabled_at                 timestamptz,
  failing_since               timestamptz,
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_organization_created ON webhook_endpoints (organization_id, created_at, id);

CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id         uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  event_type       text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_status_code integer,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_endpoint_created ON webhook_deliveries (endpoint_id, created_at, id);
CREATE INDEX webhook_deliveries_overdue ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  delivery_id       uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  number            integer NOT NULL,
  attempted_at      timestamptz NOT NULL,
  status_code       integer,
  duration_ms       integer NOT NULL,
  response_excerpt  text,
  error             text,
  UNIQUE (delivery_id, number)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = convot_current_organization())'
                   ' WITH CHECK (organization_id = convot_current_organization())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints, webhook_deliveries, webhook_attempts TO ${app_role};

-- The relay and the sweeper work for every organization: they find what is due here, then enter
-- each row's organization to handle it.
CREATE FUNCTION convot_unrelayed_events(p_older_than timestamptz, p_limit integer)
  RETURNS TABLE (event_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id FROM events WHERE relayed_at IS NULL AND created_at < p_older_than
        ORDER BY created_at LIMIT p_limit $$;

CREATE FUNCTION convot_overdue_deliveries(p_older_than timestamptz, p_limit integer)
  RETURNS TABLE (delivery_id uuid, organization_id uuid, attempts integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT id, organization_id, attempts FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at < p_older_than ORDER BY next_attempt_at LIMIT p_limit $$;

REVOKE ALL ON FUNCTION convot_unrelayed_events(timestamptz, integer), convot_overdue_deliveries(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_unrelayed_events(timestamptz, integer), convot_overdue_deliveries(timestamptz, integer) TO ${app_role};
