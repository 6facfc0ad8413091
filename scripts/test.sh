#!/usr/bin/env bash
# The test command (README, CI): every test, the Postgres ones included. They are ignored by a
# plain `cargo test` (they need a server), so this starts a throwaway PostgreSQL on loopback
# (scripts/pg-test-server.sh), runs `cargo test --workspace -- --include-ignored`, and stops it.
# Usage: scripts/test.sh [TEST-FILTER...]   (arguments go to the test binaries)
# SAMRAD_TEST_POSTGRES_URL already set: that server is used and none is started.
# SAMRAD_TEST_PG_PORT: the port of the throwaway server (default 55433).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SAMRAD_TEST_POSTGRES_URL:-}" ]; then
  pg_dir=$(mktemp -d)
  trap 'scripts/pg-test-server.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
  SAMRAD_TEST_POSTGRES_URL=$(scripts/pg-test-server.sh start "$pg_dir" "${SAMRAD_TEST_PG_PORT:-55433}")
  export SAMRAD_TEST_POSTGRES_URL
fi

cargo test --workspace -- --include-ignored "$@"
