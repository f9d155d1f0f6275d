-- A password change ends every token of the member issued before it (tokens_valid_after) except
-- the one that made the change: its jti is kept here until the next change.
ALTER TABLE members ADD COLUMN kept_token_id text;
