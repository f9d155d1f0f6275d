-- Notifications: each member's mail preferences, the mail each member is owed per conversation
-- (delayed and grouped), and the organization's Slack and Discord channels.

-- A member's choices; no row means the defaults (new_conversation all, new_message assigned).
CREATE TABLE notification_preferences (
  member_id         uuid PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  new_conversation  text NOT NULL CHECK (new_conversation IN ('all', 'none')),
  new_message       text NOT NULL CHECK (new_message IN ('assigned', 'all_unassigned', 'none')),
  updated_at        timestamptz NOT NULL
);
CREATE INDEX notification_preferences_organization ON notification_preferences (organization_id);

-- One row per member and conversation they were told about by mail, or are due to be: due_at is set
-- while a mail waits (the delay, or the rest of the 10 minutes since the last one), mailed_up_to is
-- the created_at of the latest message a mail listed, so the next mail lists only what came after.
CREATE TABLE conversation_notices (
  member_id         uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  conversation_id   uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  due_at            timestamptz,
  new_conversation  boolean NOT NULL DEFAULT false,
  last_mailed_at    timestamptz,
  mailed_up_to      timestamptz,
  PRIMARY KEY (member_id, conversation_id)
);
CREATE INDEX conversation_notices_conversation ON conversation_notices (conversation_id);
CREATE INDEX conversation_notices_organization ON conversation_notices (organization_id);

-- Slack and Discord incoming webhooks. The URL is a credential: stored sealed (AES-256-GCM), shown
-- only as url_hint (scheme, host and the last four characters).
CREATE TABLE notification_channels (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('slack', 'discord')),
  url              text NOT NULL,
  url_hint         text NOT NULL,
  event_types      text NOT NULL,
  app_ids          text NOT NULL DEFAULT '',
  active           boolean NOT NULL DEFAULT true,
  disabled_reason  text,
  disabled_at      timestamptz,
  last_status      text,
  last_attempt_at  timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX notification_channels_organization_created ON notification_channels (organization_id, created_at, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences, conversation_notices, notification_channels TO ${app_role};

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_preferences
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

ALTER TABLE conversation_notices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_notices
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

ALTER TABLE notification_channels ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_channels
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());
