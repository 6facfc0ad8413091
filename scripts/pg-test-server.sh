#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the Postgres store tests and prints
# its URL. Usage: scripts/pg-test-server.sh start [DIR] [PORT] | stop [DIR]
# Installs PostgreSQL from the OS packages when it is missing (CI has only what it installs).
set -euo pipefail
cmd=${1:-start}
dir=${2:-${TMPDIR:-/tmp}/samrad-pg}
port=${3:-55432}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ "$cmd" = start ] && [ -z "$bin" ]; then
  echo "installing postgresql from the OS packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root; run it as the `postgres` user the package creates.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bin/initdb" -D "$dir" -U samrad --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # fsync off by default: a test server's data is thrown away, and tests should not wait
      # on disks. Benchmarks set SAMRAD_PG_FSYNC=on to measure what production would see.
      fsync=${SAMRAD_PG_FSYNC:-off}
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=300" start >/dev/null
    fi
    echo "postgres://samrad@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start [DIR] [PORT] | stop [DIR]" >&2
    exit 2
    ;;
esac
