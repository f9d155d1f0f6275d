#!/usr/bin/env bash
# What the REST API's rate limiter costs, measured on a running server (it starts nothing new):
#
#   1. wrk on GET /api/v1/me with one API key, the limits on (set out of reach: nothing is refused)
#      and then off (0), each leg after its own warm-up, with the database transactions per request
#      (beyond the server's own background ones, counted idle just before);
#   2. pgbench running the limiter's statement (the INSERT ... ON CONFLICT of RateWindows on the two
#      keys of a request with a token: what each request made before the counts were kept in memory,
#      and what each server's once-a-second addition makes with counts) and SELECT 1, for the raw
#      PostgreSQL rate.
#
# Every figure is printed with the machine's load (uptime) when it was taken, and the report is
# appended to src-test/target/benchmark/rate-limit.txt.
#
# The server is the test server that `mvn verify` builds and leaves in src-test/target/liberty
# (start it with `src-test/target/liberty/wlp/bin/server start convot-test` if it is not running).
# The limits are switched with a configuration drop-in the script writes and removes again; Liberty
# restarts the application for it (not the server), which the script waits for. Removing the
# drop-in at the end restarts it once more: let that finish before running the script again.
#
# Settings (environment):
#   BASE_URL      the server (default http://localhost:9181)
#   SERVER_DIR    its directory (default src-test/target/liberty/wlp/usr/servers/convot-test)
#   DB_URL        its database as a libpq URL (default postgresql://postgres@localhost:5432/convot_it)
#   CONNECTIONS   wrk connections (default 8), THREADS wrk threads (default 2)
#   WARMUP        seconds of warm-up per leg (default 15), DURATION seconds measured (default 30),
#   IDLE          seconds the server's own background transactions are counted before each leg (default 10)
#   ROUNDS        how many times the on and off legs are measured, alternating (default 2)
#   PGBENCH_CLIENTS, PGBENCH_SECONDS  pgbench clients (default 4) and seconds (default 20)
set -euo pipefail

cd "$(dirname "$0")/../.."
BASE_URL=${BASE_URL:-http://localhost:9181}
SERVER_DIR=${SERVER_DIR:-src-test/target/liberty/wlp/usr/servers/convot-test}
DB_URL=${DB_URL:-postgresql://postgres@localhost:5432/convot_it}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-30}
IDLE=${IDLE:-10}
ROUNDS=${ROUNDS:-2}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-4}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
REPORT=src-test/target/benchmark/rate-limit.txt
DROPIN="$SERVER_DIR/configDropins/overrides/rate-limit-bench.xml"
# A client address of the documentation range: the test server trusts its own address as a proxy
# (and exempts it), so this is the address the limit per address counts.
CLIENT_ADDRESS=198.51.100.77

for tool in wrk pgbench psql curl python3; do
  command -v "$tool" >/dev/null || { echo "rate-limit.sh needs $tool (Debian: apt-get install wrk postgresql-client curl python3)" >&2; exit 2; }
done
[ -d "$SERVER_DIR" ] || { echo "no server directory $SERVER_DIR (run mvn verify once, or set SERVER_DIR)" >&2; exit 2; }
curl -sf "$BASE_URL/health/ready" >/dev/null || { echo "no ready server at $BASE_URL (start it first)" >&2; exit 2; }

mkdir -p "$(dirname "$REPORT")"
WORK=$(mktemp -d)
trap 'rm -f "$DROPIN"; rm -rf "$WORK"' EXIT
say() { echo "$*" | tee -a "$REPORT"; }
load() { uptime | sed 's/.*load average: /load /'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# Sets the limits as server variables (this drop-in comes after the test server's own and wins).
# The application reads them when it starts, so the drop-in also changes one of its properties,
# which makes Liberty restart it (not the server). Waits until an answer shows the new limits:
# RateLimit-Limit when on, no RateLimit-* when off.
set_limits() {
  local per_token=$1 per_ip=$2 expected
  cat > "$DROPIN" <<EOF
<server>
  <variable name="convot.api.rate-limit.per-token" value="$per_token"/>
  <variable name="convot.api.rate-limit.per-ip" value="$per_ip"/>
  <enterpriseApplication id="convot">
    <appProperties>
      <property name="convot.bench.rate-limits" value="$per_token/$per_ip"/>
    </appProperties>
  </enterpriseApplication>
</server>
EOF
  expected=$([ "$per_ip" = 0 ] && echo "" || echo "$per_ip")
  for _ in $(seq 1 300); do
    if curl -sf "$BASE_URL/health/ready" >/dev/null && [ "$(probe_limit)" = "$expected" ]; then
      return
    fi
    sleep 1
  done
  echo "the application did not take the limits per-token=$per_token per-ip=$per_ip within 300 s" >&2
  exit 1
}

# The RateLimit-Limit of an answer to a client address nobody else uses (empty when there is none).
probe_limit() {
  curl -s -o /dev/null -D - -H "X-Forwarded-For: 198.51.100.$((RANDOM % 200 + 1))" "$BASE_URL/api/v1/me" \
    | awk 'tolower($1) == "ratelimit-limit:" {print $2}' | tr -d '\r'
}

transactions() {
  psql -Atq "$DB_URL" -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"
}

# The server's own background transactions per second (heartbeats, sweepers, schedulers), measured
# idle, so that they are not charged to the requests.
idle_rate() {
  local before after
  before=$(transactions)
  sleep "$IDLE"
  after=$(transactions)
  python3 -c "print(($after - $before) / $IDLE)"
}

# One wrk leg: warm-up, the idle rate, then the measured run; prints requests/s, latencies and the
# database transactions per request beyond the idle rate.
measure() {
  local label=$1 out="$WORK/wrk-$1.txt" before after requests idle load_before
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $KEY" -H "X-Forwarded-For: $CLIENT_ADDRESS" \
    "$BASE_URL/api/v1/me" >/dev/null
  idle=$(idle_rate)
  before=$(transactions)
  load_before=$(load)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" \
    -H "X-Forwarded-For: $CLIENT_ADDRESS" "$BASE_URL/api/v1/me" > "$out"
  after=$(transactions)
  requests=$(awk '/requests in/ {print $1}' "$out")
  if grep -q 'Non-2xx' "$out"; then
    echo "$label: some answers were not 2xx (a limit was reached?):" >&2
    cat "$out" >&2
    exit 1
  fi
  say "$(printf '%-12s %8s req/s  p50 %-9s p99 %-9s  %s tx/request (idle %s tx/s)  (%s; after: %s)' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1 == "50%" {print $2}' "$out")" \
    "$(awk '$1 == "99%" {print $2}' "$out")" \
    "$(python3 -c "print(round(($after - $before - $idle * $DURATION) / $requests, 2))")" "$idle" "$load_before" "$(load)")"
}

# The limiter's statement as RateWindows prepares it, on the two keys of a request with a token
# (CAST rather than :: and keys without colons: pgbench reads :name as a variable, in strings too).
cat > "$WORK/limiter.sql" <<'SQL'
INSERT INTO rate_limit_windows AS w (key, window_ends, hits)
SELECT k, now() + 60000 * interval '1 millisecond', 1
FROM unnest(CAST('{bench-api-ip-198.51.100.78,bench-api-token-0123456789abcdef}' AS text[])) WITH ORDINALITY AS u (k, n) ORDER BY n
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN w.window_ends <= now() THEN 1 ELSE w.hits + 1 END,
  window_ends = CASE WHEN w.window_ends <= now() THEN excluded.window_ends ELSE w.window_ends END
RETURNING key, hits, CAST(ceil(extract(epoch FROM window_ends - now())) AS bigint);
SQL
echo 'SELECT 1;' > "$WORK/select1.sql"

pgbench_leg() {
  local label=$1 script=$2 out="$WORK/pgbench-$1.txt" load_before
  load_before=$(load)
  pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j "$PGBENCH_CLIENTS" -T "$PGBENCH_SECONDS" -f "$script" "$DB_URL" > "$out"
  say "$(printf '%-12s %10s tx/s  latency %s ms  (%s; after: %s)' "$label" \
    "$(awk -F' = ' '/^tps/ {split($2, a, " "); print a[1]}' "$out")" \
    "$(awk -F' = ' '/^latency average/ {split($2, a, " "); print a[1]}' "$out")" "$load_before" "$(load)")"
}

# One organization and one API key for every request (API keys act as an admin).
EMAIL="bench-$(date +%s)-$RANDOM@example.test"
TOKEN=$(curl -sf -XPOST "$BASE_URL/api/v1/auth/signup" -H 'content-type: application/json' \
  -d "{\"organization_name\":\"Rate-limit bench\",\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"correct horse battery\"}" \
  | json "['token']")
KEY=$(curl -sf -XPOST "$BASE_URL/api/v1/api-keys" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"name":"rate-limit bench"}' | json "['key']")

say ""
say "== Rate-limit cost, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $BASE_URL, wrk -c$CONNECTIONS -t$THREADS ${WARMUP}s + ${DURATION}s, $ROUNDS rounds"
say "   GET /api/v1/me with one API key and one client address; pgbench -M prepared -c$PGBENCH_CLIENTS ${PGBENCH_SECONDS}s"
# On and off alternate, so that neither always comes first after a restart.
for round in $(seq 1 "$ROUNDS"); do
  set_limits 100000000 100000000
  measure "limits on"
  set_limits 0 0
  measure "limits off"
done
rm -f "$DROPIN"
pgbench_leg "limiter" "$WORK/limiter.sql"
pgbench_leg "SELECT 1" "$WORK/select1.sql"
psql -Atq "$DB_URL" -c "DELETE FROM rate_limit_windows WHERE key LIKE 'bench-%'"
say "(the server's own limits are back once Liberty has restarted the application without the drop-in)"
