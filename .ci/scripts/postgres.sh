#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store tests and exports TEST_DATABASE_URL.
# Source it (`. .ci/scripts/postgres.sh`): the server stops and its folder is removed when the
# sourcing shell exits. Installs the server from Debian when only the client (psql) is present.

spine_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then echo "$d"; fi
  done | sort -V | tail -n 1
}

# initdb refuses to run as root, so a root shell runs the server as the postgres user.
spine_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

spine_pg_stop() {
  if [ -n "${SPINE_PG_DIR:-}" ] && [ -d "$SPINE_PG_DIR" ]; then
    spine_pg_as_owner "$SPINE_PG_BIN/pg_ctl" -D "$SPINE_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$SPINE_PG_DIR"
  fi
}

spine_pg_start() {
  SPINE_PG_BIN="$(spine_pg_bin)"
  if [ -z "$SPINE_PG_BIN" ]; then
    echo "postgres.sh: PostgreSQL server not found; installing it from Debian" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    SPINE_PG_BIN="$(spine_pg_bin)"
  fi
  if [ -z "$SPINE_PG_BIN" ]; then
    echo "postgres.sh: no initdb/pg_ctl/postgres under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  SPINE_PG_DIR="$(mktemp -d /tmp/spine-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$SPINE_PG_DIR"; fi
  local port
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

  spine_pg_as_owner "$SPINE_PG_BIN/initdb" -D "$SPINE_PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$SPINE_PG_DIR/initdb.log" 2>&1 || {
    cat "$SPINE_PG_DIR/initdb.log" >&2; return 1; }
  # A test cluster: loopback only, socket in its own folder, no fsync (the data is thrown away).
  spine_pg_as_owner "$SPINE_PG_BIN/pg_ctl" -D "$SPINE_PG_DIR/data" -l "$SPINE_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $SPINE_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null || {
    cat "$SPINE_PG_DIR/server.log" >&2; return 1; }
  trap spine_pg_stop EXIT
  spine_pg_as_owner "$SPINE_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres spine_test

  export SPINE_PG_DIR SPINE_PG_BIN
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/spine_test"
  echo "postgres.sh: PostgreSQL $("$SPINE_PG_BIN/postgres" --version | awk '{print $3}') at $TEST_DATABASE_URL" >&2
}

spine_pg_start
