-- Rate-limit counters that every server of a cluster shares: one row per key (a client address, a
-- hashed bearer token, a hashed email and address), counting hits in a window that starts at the
-- key's first hit. UNLOGGED: a counter is written on every API request, and writing it to the WAL
-- would cost more than it is worth; after a crash PostgreSQL empties the table, which only restarts
-- the windows. Not tenant data: keys hold no organization, and no policy applies.
CREATE UNLOGGED TABLE rate_limit_windows (
  key          text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
  window_ends  timestamptz NOT NULL,
  hits         integer NOT NULL CHECK (hits >= 0)
) WITH (fillfactor = 70);

GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_windows TO ${app_role};
