#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL server, for the tests and benchmarks of the PostgreSQL event
# store: `bash scripts/with-postgres.sh <command…>`. The command sees PG_TEST_URL=postgres://…/hazard_test.
#
# Uses Debian's postgresql package (/usr/lib/postgresql/<version>/bin; installed with apt-get when missing,
# as root or through `sudo -n`), runs initdb in a new temp directory as the `postgres` user, starts it on a
# free port of 127.0.0.1 (its unix socket in the temp directory too, so no other cluster is touched), and on
# exit — success, failure or ctrl-c — stops it and removes the directory, passing the command's exit code on.
# PG_TEST_BIN names the binaries' directory, for tests that run a private cluster of their own.
# A PG_TEST_URL already set (a server of your own) is used as it is.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-postgres.sh <command…>" >&2
  exit 2
fi

if [ -n "${PG_TEST_URL:-}" ]; then
  echo "with-postgres: PG_TEST_URL is set; using that server" >&2
  exec "$@"
fi

# The newest installed version's real binaries (those on PATH may be wrappers that pick a cluster).
find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "with-postgres: PostgreSQL is not installed, and installing it needs root: run 'apt-get install postgresql' (Debian's package) as root, then try again" >&2
    exit 1
  fi
  echo "with-postgres: installing Debian's postgresql package" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)"
  [ -n "$bin" ] || { echo "with-postgres: installed postgresql, but found no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
fi

# initdb and postgres refuse to run as root: as root, run them as the postgres user the package created.
as_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null; then
    runuser -u postgres -- "$@"
  else
    su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
  fi
}

work="$(mktemp -d "${TMPDIR:-/tmp}/hazard-pg.XXXXXX")"
data="$work/data"
started=false
cleanup() {
  local status=$?
  if [ "$started" = true ]; then as_postgres "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" -ne 0 ] || chown postgres: "$work"

free_port() {
  node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }

# Another process may take the port between the probe and the start: try a few.
# `started` is set before the start: a signal that arrives while pg_ctl waits must still stop the server.
started=true
running=false
for attempt in 1 2 3; do
  port="$(free_port)"
  if as_postgres "$bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c max_connections=300" start >/dev/null; then
    running=true
    break
  fi
done
if [ "$running" != true ]; then
  echo "with-postgres: the server did not start:" >&2
  tail -n 20 "$work/server.log" >&2 || true
  exit 1
fi

"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres hazard_test
export PG_TEST_URL="postgres://postgres@127.0.0.1:$port/hazard_test"
# For tests that need a private cluster of their own (to kill the server itself).
export PG_TEST_BIN="$bin"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $PG_TEST_URL (in $work)" >&2

# Not exec: the trap must outlive the command to stop the server.
set +e
"$@"
status=$?
set -e
exit "$status"
