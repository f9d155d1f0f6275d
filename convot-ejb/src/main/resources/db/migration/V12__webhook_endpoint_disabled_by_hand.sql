-- An endpoint can be disabled by hand (POST /webhooks/{id}/disable) as well as by Convot (410 Gone,
-- or every delivery failing for days): the API and the dashboard tell the two apart.
ALTER TABLE webhook_endpoints ADD COLUMN disabled_by_hand boolean NOT NULL DEFAULT false;
