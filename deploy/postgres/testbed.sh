#!/usr/bin/env bash
# PostgreSQL for the tests (make setup): use the one that answers on 127.0.0.1:5432, or start a
# cluster of the project's own there, installing Debian's server package first when it is missing.
#
# Idempotent: a second run starts nothing twice. The cluster is a test bed, never production:
#   - its data lives outside the repository, in $WELKOM_PG_DIR (default /var/lib/welkom/postgres-test),
#     owned by the system user postgres (initdb refuses root);
#   - it listens on 127.0.0.1 only, with trust authentication for loopback connections (the tests
#     connect as postgres and as the least-privileged store roles without passwords), no socket
#     outside its own folder;
#   - fsync and synchronous_commit are off: tests kill processes, not the machine, and this keeps
#     the suite fast. Production's settings are in deploy/compose.yaml.
# What it makes: database `test` (the integration tests create their own schemas, roles and
# scratch databases in it as the superuser postgres).
set -euo pipefail

HOST=127.0.0.1
PORT="${WELKOM_PG_PORT:-5432}"
DIR="${WELKOM_PG_DIR:-/var/lib/welkom/postgres-test}"
DATA="$DIR/data"

say() { printf 'postgres: %s\n' "$*"; }
fail() { printf 'postgres: ERROR: %s\n' "$*" >&2; exit 1; }

answers() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

ensure_test_database() {
  local psql="$1"
  if "$psql" -X -q -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null | grep -q 1; then
    return 0
  fi
  "$psql" -X -q -h "$HOST" -p "$PORT" -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null \
    && say "created database test"
}

bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$d" && -x "$d/postgres" ]] && printf '%s' "$d"
}

if answers; then
  # Used as it is; only the test database is added when we may.
  psql_bin="$(command -v psql || true)"
  if [[ -n "$psql_bin" ]]; then
    ensure_test_database "$psql_bin" || say "WARNING: could not check database test as postgres (left as it is)"
  fi
  if [[ -f "$DATA/postmaster.pid" ]]; then
    say "the project's test cluster in $DATA answers on $HOST:$PORT already"
  else
    say "a PostgreSQL answers on $HOST:$PORT; using it as it is"
  fi
  exit 0
fi

BIN="$(bindir || true)"
if [[ -z "$BIN" ]]; then
  [[ "$(id -u)" == 0 ]] || fail "nothing answers on $HOST:$PORT and Debian's PostgreSQL server is not installed.
Install it as root (apt-get install -y postgresql), then run make again."
  say "installing Debian's PostgreSQL server (package postgresql; its own cluster is not started)"
  own_policy=
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  status=0
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
    || status=$?
  [[ -n "$own_policy" ]] && rm -f /usr/sbin/policy-rc.d
  [[ "$status" == 0 ]] || fail "apt-get install postgresql failed ($status)"
  if [[ -d /run/systemd/system ]]; then systemctl disable --now postgresql.service >/dev/null 2>&1 || true; fi
  BIN="$(bindir || true)"
  [[ -n "$BIN" ]] || fail "the postgresql package installed no server binary under /usr/lib/postgresql"
fi

[[ "$(id -u)" == 0 ]] || [[ "$(id -un)" == postgres ]] \
  || fail "starting the test cluster needs root (or the postgres user): run make as root"
as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [[ ! -s "$DATA/PG_VERSION" ]]; then
  say "creating the project's test cluster in $DATA ($("$BIN/postgres" --version))"
  mkdir -p "$DIR"
  chown postgres:postgres "$DIR"
  chmod 0700 "$DIR"
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || fail "initdb failed: see $DIR/initdb.log"
  cat >>"$DATA/postgresql.conf" <<CONF

# welkom's test bed (deploy/postgres/testbed.sh): loopback only, fast, not durable against power loss.
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 400
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  # Loopback only, whatever initdb wrote: trust for 127.0.0.1 and the cluster's own socket.
  cat >"$DATA/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
fi

if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  say "the test cluster in $DATA runs already"
else
  say "starting the test cluster on $HOST:$PORT (log: $DIR/server.log)"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start >/dev/null \
    || fail "the test cluster did not start: see $DIR/server.log"
fi
for _ in $(seq 1 50); do answers && break; sleep 0.1; done
answers || fail "the test cluster runs but nothing answers on $HOST:$PORT"
ensure_test_database "$BIN/psql"
say "ready on $HOST:$PORT (database test)"
