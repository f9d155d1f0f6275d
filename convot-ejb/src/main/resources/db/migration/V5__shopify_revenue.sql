-- The Shopify Partner integration: one per organization, what its syncs learned per app and shop,
-- and the lifecycle events and transactions they read.

CREATE TABLE shopify_integrations (
  id                       uuid PRIMARY KEY,
  organization_id          uuid NOT NULL UNIQUE REFERENCES organizations (id) ON DELETE CASCADE,
  partner_organization_id  text NOT NULL CHECK (partner_organization_id ~ '^[0-9]{1,20}$'),
  -- The access token sealed with AES-256-GCM ("v1:<key id>:<base64>"); NULL once disconnected.
  access_token_sealed      text,
  status                   text NOT NULL CHECK (status IN ('active', 'error', 'disconnected')),
  consecutive_failures     integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  last_error               text,
  last_sync_at             timestamptz,
  last_run_at              timestamptz,
  last_run_calls           integer,
  next_sync_at             timestamptz,
  -- The run a queued message stands for, and the run being made (with its lease), so that a
  -- redelivered message is neither made nor counted twice and two servers never sync at once.
  pending_run_id           uuid,
  running_run_id           uuid,
  lease_until              timestamptz,
  connected_at             timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL
);
CREATE INDEX shopify_integrations_due ON shopify_integrations (next_sync_at) WHERE status = 'active';

-- How far each app's events and transactions were read (inclusive high-water marks).
CREATE TABLE shopify_sync_marks (
  app_id              uuid PRIMARY KEY REFERENCES apps (id) ON DELETE CASCADE,
  organization_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  shopify_app_id      text NOT NULL,
  events_until        timestamptz,
  transactions_until  timestamptz
);

CREATE TABLE shopify_shops (
  id                      uuid PRIMARY KEY,
  organization_id         uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id                  uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  myshopify_domain        text NOT NULL,
  shop_gid                text,
  name                    text,
  installed               boolean NOT NULL DEFAULT false,
  installed_at            timestamptz,
  uninstalled_at          timestamptz,
  uninstall_reason        text,
  reinstalled_at          timestamptz,
  deactivated             boolean NOT NULL DEFAULT false,
  plan                    text,
  subscription_charge_id  text,
  subscription_amount     numeric(14, 2),
  subscription_state      text,
  mrr                     numeric(14, 2) NOT NULL DEFAULT 0,
  lifetime_revenue        numeric(14, 2) NOT NULL DEFAULT 0,
  currency                text NOT NULL DEFAULT 'USD',
  churn_risk              text NOT NULL DEFAULT 'low' CHECK (churn_risk IN ('low', 'medium', 'high')),
  churn_reasons           text NOT NULL DEFAULT '',
  last_event_at           timestamptz,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  UNIQUE (organization_id, app_id, myshopify_domain)
);
CREATE INDEX shopify_shops_domain ON shopify_shops (organization_id, myshopify_domain);
CREATE INDEX shopify_shops_created ON shopify_shops (organization_id, created_at, id);

CREATE TABLE shopify_lifecycle_events (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id            uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  myshopify_domain  text NOT NULL,
  type              text NOT NULL,
  occurred_at       timestamptz NOT NULL,
  charge_id         text,
  charge_name       text,
  amount            numeric(14, 2),
  currency          text,
  reason            text,
  description       text,
  -- What identifies an event that the Partner API gives no id: app, type, time, shop and charge.
  event_key         text NOT NULL,
  UNIQUE (organization_id, event_key)
);
CREATE INDEX shopify_lifecycle_events_occurred ON shopify_lifecycle_events (occurred_at);

CREATE TABLE shopify_transactions (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id            uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  transaction_id    text NOT NULL,
  type              text NOT NULL,
  myshopify_domain  text NOT NULL,
  created_at        timestamptz NOT NULL,
  charge_id         text,
  billing_interval  text,
  gross_amount      numeric(14, 2),
  net_amount        numeric(14, 2) NOT NULL,
  shopify_fee       numeric(14, 2),
  currency          text NOT NULL,
  UNIQUE (organization_id, transaction_id)
);
CREATE INDEX shopify_transactions_shop ON shopify_transactions (organization_id, app_id, myshopify_domain, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shopify_integrations', 'shopify_sync_marks', 'shopify_shops',
                           'shopify_lifecycle_events', 'shopify_transactions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = convot_current_organization())'
                   ' WITH CHECK (organization_id = convot_current_organization())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON shopify_integrations, shopify_sync_marks, shopify_shops,
  shopify_lifecycle_events, shopify_transactions TO ${app_role};

-- The scheduler finds integrations due a run across organizations, then enters each one's.
CREATE FUNCTION convot_shopify_due_integrations(p_now timestamptz, p_limit integer)
  RETURNS TABLE (organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT organization_id FROM shopify_integrations
        WHERE status = 'active' AND next_sync_at <= p_now AND (running_run_id IS NULL OR lease_until < p_now)
        ORDER BY next_sync_at LIMIT p_limit $$;

-- Retention: lifecycle events older than the cut-off, in every organization, a batch at a time.
CREATE FUNCTION convot_prune_shopify_events(p_before timestamptz, p_limit integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ WITH doomed AS (SELECT id FROM shopify_lifecycle_events WHERE occurred_at < p_before LIMIT p_limit),
             gone AS (DELETE FROM shopify_lifecycle_events e USING doomed WHERE e.id = doomed.id RETURNING 1)
        SELECT count(*)::integer FROM gone $$;

REVOKE ALL ON FUNCTION convot_shopify_due_integrations(timestamptz, integer),
  convot_prune_shopify_events(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_shopify_due_integrations(timestamptz, integer),
  convot_prune_shopify_events(timestamptz, integer) TO ${app_role};
