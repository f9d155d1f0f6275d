#!/usr/bin/env bash
# Make sure a PostgreSQL server answers at the address in CONVOT_DB_URL before
# the application server starts. If nothing answers on a local address and
# PostgreSQL server binaries are installed, start a throwaway cluster.
#
# The throwaway cluster's data is kept outside any build directory, so that
# 'mvn clean' never deletes it under the running server: in
# $XDG_DATA_HOME/convot/postgres-<port> (~/.local/share/...), or as root (the
# server then runs as postgres or nobody) in /var/lib/convot/postgres-<port>.
#
# Usage: ensure-postgres.sh
#   CONVOT_DB_URL      JDBC URL (default jdbc:postgresql://localhost:5432/convot)
#   CONVOT_DB_USER     database superuser for a new cluster (default postgres)
#   CONVOT_PG_DIR      the throwaway cluster's directory (default above)
#   CONVOT_PG_BIN_GLOB where to look for server binaries (default /usr/lib/postgresql/*/bin)
set -euo pipefail

DB_URL=${CONVOT_DB_URL:-jdbc:postgresql://localhost:5432/convot}
DB_USER=${CONVOT_DB_USER:-postgres}
BIN_GLOB=${CONVOT_PG_BIN_GLOB:-/usr/lib/postgresql/*/bin}

# jdbc:postgresql://host[:port][/db][?params]; IPv6 hosts come as [addr]:port.
parse_url() {
    local authority=${DB_URL#jdbc:postgresql://}
    authority=${authority%%[/?]*}
    authority=${authority%%,*}          # multi-host URLs: the first host is enough
    if [[ $authority == \[* ]]; then
        HOST=${authority#[}; HOST=${HOST%%]*}
        PORT=${authority##*]}; PORT=${PORT#:}
    else
        HOST=${authority%%:*}
        PORT=${authority#"$HOST"}; PORT=${PORT#:}
    fi
    HOST=${HOST:-localhost}
    PORT=${PORT:-5432}
}

# Newest directory matching BIN_GLOB that has all the given programs, if any.
find_in_glob() {
    local d p
    # shellcheck disable=SC2086  # the glob must expand here
    for d in $(printf '%s\n' $BIN_GLOB | sort -rV); do
        for p in "$@"; do [[ -x $d/$p ]] || continue 2; done
        echo "$d"; return 0
    done
    return 1
}

answers() {   # answers <host> <port>
    if [[ -n $PG_ISREADY ]]; then
        "$PG_ISREADY" -q -h "$1" -p "$2" -t 5
    else
        timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
    fi
}

# PostgreSQL refuses to run as root, so as root everything runs as RUN_AS.
as_user() {
    if [[ -z $RUN_AS ]]; then
        "$@"
    elif command -v runuser >/dev/null; then
        runuser -u "$RUN_AS" -- "$@"
    else
        su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")"
    fi
}

# Pick the cluster directory: WORKDIR, unless RUN_AS cannot get into it or the
# socket path would be too long (unix sockets are limited to ~107 bytes).
choose_dir() {
    if [[ -n ${CONVOT_PG_DIR:-} ]]; then
        WORKDIR=$CONVOT_PG_DIR
    elif [[ -n $RUN_AS ]]; then
        WORKDIR=/var/lib/convot/postgres-$PORT
    else
        WORKDIR=${XDG_DATA_HOME:-$HOME/.local/share}/convot/postgres-$PORT
    fi
    mkdir -p "$WORKDIR"
    DIR=$(cd "$WORKDIR" && pwd)
    if [[ -n $RUN_AS ]]; then
        chown "$RUN_AS" "$DIR"
        if ! as_user test -w "$DIR" -a -x "$DIR" || (( ${#DIR} > 90 )); then
            DIR=/tmp/convot-postgres-$PORT
            echo "$RUN_AS cannot use $WORKDIR; using $DIR instead"
            mkdir -p "$DIR" && chown "$RUN_AS" "$DIR" && chmod 700 "$DIR"
        fi
    elif (( ${#DIR} > 90 )); then
        DIR=/tmp/convot-postgres-$PORT
        echo "$WORKDIR is too long a socket path; using $DIR instead"
        mkdir -p "$DIR" && chmod 700 "$DIR"
    fi
}

fail_with_log() {
    echo "Convot: could not start PostgreSQL at 127.0.0.1:$PORT; last lines of $DIR/postgres.log:" >&2
    tail -n 20 "$DIR/postgres.log" >&2 2>/dev/null || true
    exit 1
}

start_cluster() {
    local data=$DIR/data pid cmd
    cd "$DIR"   # commands run as RUN_AS must not start in a directory it cannot read
    # A half-finished initdb leaves a directory initdb refuses to reuse.
    if [[ ! -s $data/PG_VERSION ]]; then
        rm -rf "$data"
        as_user "$INITDB" -D "$data" --auth=trust --username="$DB_USER" \
            --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; exit 1; }
        echo "include_if_exists = 'convot.conf'" | as_user tee -a "$data/postgresql.conf" >/dev/null
    fi
    # Settings live in a file so a plain 'pg_ctl -D ... start' later behaves the same.
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" \
        "$PORT" "${DIR//\'/\'\'}" | as_user tee "$data/convot.conf" >/dev/null
    if [[ -f $data/postmaster.pid ]]; then
        pid=$(head -n 1 "$data/postmaster.pid")
        cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)
        # Only a process started on this data directory counts; PIDs get reused.
        if [[ -n $pid && $cmd == *"$data"* ]]; then
            # Ours, but not answering where wanted (e.g. the port changed): restart it.
            as_user "$PG_CTL" -D "$data" -m fast -w stop >/dev/null || true
        else
            rm -f "$data/postmaster.pid"   # left behind by a crash or reboot
        fi
    fi
    as_user "$PG_CTL" -D "$data" -l "$DIR/postgres.log" -w -t 60 start >/dev/null || fail_with_log
    local deadline=$((SECONDS + 60))
    until answers 127.0.0.1 "$PORT"; do
        (( SECONDS < deadline )) || fail_with_log
        sleep 1
    done
    local stop="$PG_CTL -D $DIR/data stop"
    [[ -z $RUN_AS ]] || stop="runuser -u $RUN_AS -- $stop"
    echo "Started a throwaway PostgreSQL at 127.0.0.1:$PORT (data in $DIR, kept by mvn clean; stop it with: $stop)"
}

parse_url
PG_ISREADY=$(command -v pg_isready || true)
if [[ -z $PG_ISREADY ]] && d=$(find_in_glob pg_isready); then PG_ISREADY=$d/pg_isready; fi

if answers "$HOST" "$PORT"; then
    echo "PostgreSQL answers at $HOST:$PORT"
    exit 0
fi

case $HOST in
    localhost|127.0.0.1|::1) ;;
    *)  echo "Convot: no PostgreSQL answers at $HOST:$PORT (CONVOT_DB_URL); start it or point CONVOT_DB_URL at one." >&2
        exit 1 ;;
esac

if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    INITDB=$(command -v initdb); PG_CTL=$(command -v pg_ctl)
elif d=$(find_in_glob initdb pg_ctl); then
    INITDB=$d/initdb; PG_CTL=$d/pg_ctl
else
    echo "Convot needs PostgreSQL: nothing answers at $HOST:$PORT and no PostgreSQL server binaries (initdb, pg_ctl) are installed; install PostgreSQL 15+ (e.g. apt-get install postgresql) or set CONVOT_DB_URL." >&2
    exit 1
fi

RUN_AS=
if [[ $(id -u) == 0 ]]; then
    if id -u postgres >/dev/null 2>&1; then RUN_AS=postgres; else RUN_AS=nobody; fi
fi
choose_dir
start_cluster
