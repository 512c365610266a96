#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's PostgreSQL contract test.
#
#   eval "$(scripts/ci-postgres.sh)"      # start; exports DATELINE_TEST_POSTGRES_URL (and _DIR)
#   scripts/ci-postgres.sh stop DIR       # stop it and remove DIR (DIR = $DATELINE_TEST_POSTGRES_DIR)
#
# Installs Debian's postgresql if no server binaries are found, initialises a cluster in a fresh
# temporary directory (as the postgres user when run as root: initdb refuses root), starts it on a
# free port on 127.0.0.1 with durability off (a test cluster: speed over crash safety), creates a
# role with a random password and a database it owns, and prints the export lines on stdout.
# Everything else goes to stderr, so the output can be eval'ed.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
# Runs a server binary as the cluster's owner: postgres when we are root, else ourselves.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return 0; fi
  return 1
}

if [ "${1:-}" = stop ]; then
  dir="${2:?usage: ci-postgres.sh stop DIR}"
  [ -f "$dir/data/PG_VERSION" ] || { echo "ci-postgres: $dir is not a cluster made by this script" >&2; exit 1; }
  bin="$(pg_bindir)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf -- "$dir"
  exit 0
fi

if ! bin="$(pg_bindir)"; then
  echo "ci-postgres: installing postgresql" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
  bin="$(pg_bindir)" || { echo "ci-postgres: no PostgreSQL server binaries after installing postgresql" >&2; exit 1; }
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${DATELINE_PG_PORT:-}"
if [ -z "$port" ]; then
  for p in $(seq 55432 55532); do
    if port_free "$p"; then port="$p"; break; fi
  done
fi
[ -n "$port" ] || { echo "ci-postgres: no free port in 55432-55532" >&2; exit 1; }

dir="$(mktemp -d /tmp/dateline-pg.XXXXXX)"
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

# Local (socket) connections: the cluster owner via peer auth, for the setup below. TCP: passwords.
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }

psql_bin="$bin/psql"
[ -x "$psql_bin" ] || psql_bin="$(command -v psql)"
# The password is hex, so it needs no quoting inside the SQL literal.
as_owner "$psql_bin" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL >&2
CREATE ROLE dateline LOGIN PASSWORD '$password';
CREATE DATABASE dateline OWNER dateline;
SQL

url="postgres://dateline:$password@127.0.0.1:$port/dateline"
echo "ci-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir (stop: scripts/ci-postgres.sh stop $dir)" >&2
echo "export DATELINE_TEST_POSTGRES_URL=$url"
echo "export DATELINE_TEST_POSTGRES_DIR=$dir"
